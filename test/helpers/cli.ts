/**
 * Runs the `storyline` command two ways: in this process through main() with captured streams (fast: no
 * Node start-up, the language model loaded once per test file), or spawned from bin/storyline.js over dist/
 * (which `npm test` builds first) for what needs a real process: exit codes of bin, signals, locks, crashes.
 */
import { spawn, spawnSync } from 'node:child_process';
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

/** A command running beside the test (`storylineAsync`). */
export interface RunningCli {
  done: Promise<CliResult>;
  /** Resolves with the first match of `pattern` in what it printed so far or prints next (stdout, then stderr); rejects if it exits first. */
  until(pattern: RegExp): Promise<RegExpExecArray>;
  kill(signal: NodeJS.Signals): void;
}

/** Runs the command without blocking this process (a server in this test can answer it meanwhile). */
export function storylineAsync(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  let exited = false;
  const waiters = new Set<() => void>();
  const heard = () => waiters.forEach((check) => check());
  child.stdout.on('data', (d) => ((stdout += d), heard()));
  child.stderr.on('data', (d) => ((stderr += d), heard()));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      heard();
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    done,
    until: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(stdout) ?? pattern.exec(stderr);
          if (m) resolve(m);
          else if (exited) reject(new Error(`exited without printing ${pattern}:\n${stdout}\n${stderr}`));
          else return;
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    kill: (signal) => child.kill(signal),
  };
}
