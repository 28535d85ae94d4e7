// The kept-alive poster on real sockets: a server that closes a kept-alive connection as the next request
// arrives on it ("socket hang up") does not lose that request, which goes again once on a new connection.
import { createServer, type Socket } from 'node:net';
import { httpPoster } from '../../activities/clients/http-post';

const OK = 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok';

// Answers the first request on each connection and drops the connection when a second one arrives on it.
function flakyKeepAliveServer() {
  const received: number[] = [];
  const server = createServer((socket: Socket) => {
    let requests = 0;
    socket.on('data', (chunk) => {
      if (!chunk.toString().startsWith('POST')) return;
      requests++;
      received.push(requests);
      if (requests === 1) socket.write(OK);
      else socket.destroy();
    });
  });
  return { server, received };
}

test('a request on a kept-alive connection the server closes goes again on a new one', async () => {
  const { server, received } = flakyKeepAliveServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/x`);
  try {
    const post = httpPoster(2_000);
    expect(await post(url, '{}', { 'content-type': 'application/json' })).toEqual({ status: 200, body: 'ok' });
    // Reuses the kept-alive connection, which the server drops: sent again on a new connection.
    expect(await post(url, '{}', { 'content-type': 'application/json' })).toEqual({ status: 200, body: 'ok' });
    expect(received).toEqual([1, 2, 1]);
  } finally {
    server.close();
  }
});
