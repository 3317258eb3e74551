/**
 * Test helper: reads the seed articles and the demo corpus at run time with a minimal cleaning of
 * our own (first line = title; navigation, widget and metadata lines dropped; photo-caption lines
 * moved to `captions`), so the compare tests do not depend on the extract stage's progress.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CompareArticle } from '../../src/compare/index.js';

// Lines that are page furniture, not article text.
const FURNITURE = /^(share this|read more|related( pages)?|subscribe|sign up|newsletter|menu|category|publication date|source:|points of attention|all comments|follow us|most read|editor's picks|request reprint|by staying|by continuing|would you like|based on your|we use cookies|accept all|manage settings|join the conversation|share this article|©|\d+ comments)/iu;
const META = /^\s*(?:date\s+(\d{4}-\d{2}-\d{2})|.*updated on\s+(\d{4}-\d{2}-\d{2}))/iu;
// Photo captions end with a credit ("Photo: X/Outlet", "Name/Agency/Getty").
const CAPTION = /(photo:\s*\S.*$|\b[\p{Lu}][\p{L}.]+(?: [\p{Lu}][\p{L}.]+)*\/[\p{Lu}][\p{L}]+(?:\/[\p{Lu}][\p{L}]+)*\s*$)/u;

/** Cleans one scraped plain-text file into a `CompareArticle`. */
export function loadPlainArticle(path: string, id: string, outlet: string | null = null): CompareArticle {
  const lines = readFileSync(path, 'utf8').split('\n');
  let title: string | null = null;
  let published: string | null = null;
  const body: string[] = [];
  const captions: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const meta = META.exec(line);
    if (meta) {
      published = meta[1] ?? meta[2] ?? published;
      continue;
    }
    if (FURNITURE.test(line)) continue;
    const words = line.split(/\s+/u).length;
    // Short lines without sentence punctuation are navigation or labels.
    if (!title && words >= 3) {
      title = line;
      continue;
    }
    if (line === title) continue;
    if (words < 6 && !/[.!?”"]$/u.test(line)) continue;
    if (/\$\d/u.test(line) && words < 12) continue;
    if (CAPTION.test(line) && words > 6) {
      captions.push(line);
      continue;
    }
    body.push(line.replace(/^•\s*/u, ''));
  }
  return { id, title, text: body.join('\n\n'), outlet: outlet ?? id, published, file: path, captions };
}

/** The five seed articles (ids `000`…`004`, one outlet each). */
export function loadSeeds(shared: string): CompareArticle[] {
  const dir = join(shared, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, 3);
      return loadPlainArticle(join(dir, f), id, `seed-${id}`);
    });
}

/** The plain-text demo articles; outlet from the file name (`02-coastline-daily-…` → coastline-daily). */
export function loadDemo(dir: string): CompareArticle[] {
  const outlets = ['almera-ledger', 'coastline-daily', 'cpa-wire', 'valdoria-herald', 'kesh-observer', 'frontier-voice', 'merrow-times', 'talblatt'];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = basename(f, '.txt');
      const outlet = outlets.find((o) => name.includes(o)) ?? name;
      return loadPlainArticle(join(dir, f), name.slice(0, 2), outlet);
    });
}
