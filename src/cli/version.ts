import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project folder: two levels above this module, in `src/cli/` as in `dist/cli/`. */
const ROOT = resolve(import.meta.dirname, '..', '..');

/** The package version from package.json (`0.0.0` when it cannot be read), for `--version` and the OpenAPI document. */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
