import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Expands folders into the article files below them (sorted, recursive); plain file arguments are
 * kept as given so that a wrong path is reported, not skipped.
 */
export async function* expandPaths(paths: string[], accept: RegExp): AsyncGenerator<string> {
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      // A missing path is yielded so the reader reports it as a per-file error.
    }
    if (!isDir) {
      yield path;
      continue;
    }
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) yield* expandPaths([child], accept);
      else if (accept.test(entry.name)) yield child;
    }
  }
}
