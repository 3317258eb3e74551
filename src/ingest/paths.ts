import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { InputItem } from './sources.js';

/** An input named by an http(s) URL rather than a path. */
export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

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

/** The real path (symbolic links followed), or the path as resolved when it cannot be read. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * A file's path from `root`, by where the file really is: one file reached by two routes (a linked
 * folder) is one article, not two. A file below the root's real folder is named from there (for a
 * file reached without links this is the path as typed, so ids stored before stay as they were);
 * a file elsewhere is named from the root as given (a linked `/tmp` must not rename outside files).
 */
function pathFromRoot(file: string, root: string): string {
  const realFile = real(file);
  const fromRealRoot = relative(real(root), realFile);
  return fromRealRoot && !fromRealRoot.startsWith('..') && !isAbsolute(fromRealRoot) ? fromRealRoot : relative(root, realFile);
}

/**
 * An item read from a local file, named by the file's path from `root` (with `/` on every system)
 * instead of the path as typed: ids derived from the path (the file itself, `file.jsonl:3`, a local
 * feed's `feed.xml#guid`) are then the same whatever folder the command runs from (reason:
 * re-ingesting `articles/` from inside `my/` must find `my/articles/…` stored, not add it again).
 * `outside: false` keeps files outside `root` as they are (the demo must not name `../` paths).
 * Items fetched from URLs pass unchanged.
 */
export function rootRelativeItem(item: InputItem, root: string, options: { outside: boolean } = { outside: true }): InputItem {
  if (item.type !== 'doc' || isUrl(item.source)) return item;
  const rel = pathFromRoot(item.source, root);
  if (!rel || isAbsolute(rel) || (!options.outside && rel.startsWith('..'))) return item;
  const name = rel.split(sep).join('/');
  if (name === item.source) return item;
  const rename = (s: string): string => (s.startsWith(item.source) ? name + s.slice(item.source.length) : s);
  const load = item.load;
  // The article's `file` comes from the document's source: renamed the same way.
  const renamedLoad = async () => {
    const raw = await load();
    return 'source' in raw ? { ...raw, source: rename(raw.source) } : raw;
  };
  // `source` stays as typed: messages about the item name the path the user gave.
  return { ...item, id: rename(item.id), load: renamedLoad };
}
