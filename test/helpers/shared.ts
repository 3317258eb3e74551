/**
 * Access to ../shared (evaluation data and seeds). Tests that need it call `sharedDir(t)`:
 * without ../shared they skip with a visible message, except under CI=true, where it is an error.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';

export const SHARED_DIR = resolve(process.env.STORYLINE_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared'));

export function sharedDir(t: TestContext): string | null {
  if (existsSync(SHARED_DIR)) return SHARED_DIR;
  if (process.env.CI === 'true') throw new Error(`../shared is missing (looked in ${SHARED_DIR}); CI needs it`);
  const message = `SKIPPED: ../shared not found at ${SHARED_DIR} (set STORYLINE_SHARED to its path)`;
  console.warn(message);
  t.skip(message);
  return null;
}
