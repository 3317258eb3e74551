/**
 * Runs the `storyline` command two ways: in this process through main() with captured streams (fast: no
 * Node start-up, the language model loaded once per test file), or spawned from bin/storyline.js over dist/
 * (which `npm test` builds first) for what needs a real process: exit codes of bin, signals, locks, crashes.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'storyline.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to the environment while the command runs. */
  env?: NodeJS.ProcessEnv;
  /** The folder it runs in. */
  cwd?: string;
}

/** Spawns the built command; `env` adds to this process's environment, `cwd` is the folder it runs in. */
export function storyline(args: string[], input?: string, options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20, env: { ...process.env, ...options.env }, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stream keeping what is written to it. */
function capture(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Runs the command in this process with `input` on its stdin and its output captured; `env` and `cwd`
 * hold while it runs (the test runner gives each file its own process, and a file's tests run one at a time).
 * An error main() throws is printed and exits 2, as bin/storyline.js does.
 */
export async function runCli(args: string[], input?: string, options: CliOptions = {}): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const stdin = Readable.from(input === undefined ? [] : [input]);
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  const savedCwd = process.cwd();
  Object.assign(process.env, options.env);
  if (options.cwd) process.chdir(options.cwd);
  let code: number;
  try {
    code = await main(args, { stdout: stdout.stream, stderr: stderr.stream, stdin });
  } catch (err) {
    stderr.stream.write(`storyline: ${err instanceof Error ? err.message : String(err)}\n`);
    code = 2;
  } finally {
    if (options.cwd) process.chdir(savedCwd);
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  await new Promise<void>((done) => stdout.stream.end(done));
  await new Promise<void>((done) => stderr.stream.end(done));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}
