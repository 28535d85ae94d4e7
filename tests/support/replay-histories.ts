// Replays history files through a workflow bundle and prints one JSON line per file. Runs as a plain Node
// process: inside Jest's module sandbox protobufjs type checks fail ("type must be a Type").
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { testPayloadCodec } from './payload-keys';

async function main(): Promise<void> {
  const [codePath, ...files] = process.argv.slice(2);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  for (const file of files) {
    try {
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: codePath! }, dataConverter: { payloadCodecs: [testPayloadCodec()] } },
        JSON.parse(readFileSync(file, 'utf8')),
        basename(file),
      );
      console.log(JSON.stringify({ file: basename(file), ok: true }));
    } catch (e) {
      console.log(
        JSON.stringify({ file: basename(file), ok: false, error: `${(e as Error).name}: ${(e as Error).message}` }),
      );
    }
  }
}

void main();
