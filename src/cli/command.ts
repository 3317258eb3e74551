import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One CLI command: its name, full usage text, and the runner (its summary is in main's table). */
export interface Command {
  name: string;
  usage: string;
  /** Resolves to the exit code; everything it prints goes through `io`. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A stream a command prints to; `isTTY` says whether a person watches it (progress lines). */
export type CliOutput = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * The streams a command reads and writes: the process's own when run as `storyline`, captured ones when
 * a test runs the CLI in-process (no spawned Node, no rebuild of dist/).
 */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: NodeJS.ReadableStream;
}

/** The process's streams, read when used (touching process.stdin opens it). */
export const processIo: CliIo = {
  get stdout() { return process.stdout; },
  get stderr() { return process.stderr; },
  get stdin() { return process.stdin; },
};

/** A function printing one line (a newline appended) to `stream`: what console.log did for stdout. */
export function linePrinter(stream: CliOutput): (text: string) => void {
  return (text) => { stream.write(`${text}\n`); };
}

/** Thrown for wrong arguments; main() prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

/**
 * Thrown when a command cannot do its work for a reason the user can fix (a port in use, a file
 * that is no database); main() prints the message alone, without the usage, and exits 1.
 */
export class CommandFailure extends Error {}

/** parseArgs with strict checking, turning its errors into UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
