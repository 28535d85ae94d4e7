// A small structured logger: one JSON line per event, so request ids and case ids are searchable.
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type LogOutput = (line: string, level: Level) => void;
const stdio: LogOutput = (line, at) => (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(line + '\n');

export function createLogger(level: Level = 'info', base: Record<string, unknown> = {}, output: LogOutput = stdio): Logger {
  const write = (at: Level, msg: string, fields?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    output(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...base, ...fields }), at);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, output),
  };
}
