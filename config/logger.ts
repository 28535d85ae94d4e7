// A small structured logger: one JSON line per event, so request ids and case ids are searchable.
import { EMAIL_PATTERN, PHONE_PATTERN } from '../domain/contact-masking';

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
const stdio: LogOutput = (line, at) =>
  (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);

// Phone numbers and email addresses never reach a log line, whatever carries them (an error from a
// provider, a database constraint's detail): a phone keeps its last two digits, an email its domain, enough
// to tell two apart when debugging, not to contact anyone. The patterns are the screen's (domain/contact-masking.ts).
export function maskContactDetails(line: string): string {
  return line
    .replace(EMAIL_PATTERN, (m, at: string) => `***@${m.slice(m.indexOf(at) + at.length)}`)
    .replace(PHONE_PATTERN, (m) => `+***${m.slice(-2)}`);
}

export function createLogger(
  level: Level = 'info',
  base: Record<string, unknown> = {},
  output: LogOutput = stdio,
): Logger {
  const write = (at: Level, msg: string, fields?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    output(
      maskContactDetails(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...base, ...fields })),
      at,
    );
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, output),
  };
}
