import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One CLI command: its name, full usage text, and the runner (its summary is in main's table). */
export interface Command {
  name: string;
  usage: string;
  /** Resolves to the exit code. */
  run(args: string[]): Promise<number>;
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
