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
// A line with no "@" cannot hold an email, one with no "+" no phone (each pattern needs one, or its
// URL-encoded form): most lines (the access log's) skip the patterns' scan.
export function maskContactDetails(line: string): string {
  const email = line.includes('@') || line.includes('%40');
  const phone = line.includes('+') || /%2b/i.test(line);
  if (email) line = line.replace(EMAIL_PATTERN, (m, at: string) => `***@${m.slice(m.indexOf(at) + at.length)}`);
  return phone ? line.replace(PHONE_PATTERN, (m) => `+***${m.slice(-2)}`) : line;
}

// A class, not closures: the API makes a child logger for every request.
class JsonLogger implements Logger {
  constructor(
    private readonly level: Level,
    private readonly base: Record<string, unknown>,
    private readonly output: LogOutput,
  ) {}

  private write(at: Level, msg: string, fields?: Record<string, unknown>): void {
    if (order[at] < order[this.level]) return;
    this.output(
      maskContactDetails(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...this.base, ...fields })),
      at,
    );
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.write('error', msg, fields);
  }
  child(fields: Record<string, unknown>): Logger {
    return new JsonLogger(this.level, { ...this.base, ...fields }, this.output);
  }
}

export function createLogger(
  level: Level = 'info',
  base: Record<string, unknown> = {},
  output: LogOutput = stdio,
): Logger {
  return new JsonLogger(level, base, output);
}
