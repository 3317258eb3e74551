/** Runs the built `storyline` command (bin/storyline.js over dist/, which `npm test` builds first). */
import { spawnSync } from 'node:child_process';
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
