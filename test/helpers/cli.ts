/** Runs the built `storyline` command (bin/storyline.js over dist/, which `npm test` builds first). */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'storyline.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command; `env` adds to this process's environment, `cwd` is the folder it runs in. */
export function storyline(args: string[], input?: string, options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20, env: { ...process.env, ...options.env }, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
