/**
 * Loads the five seed articles from ../shared at run time (never copied into the repo), cleaned
 * with the plain-text cleaner, with the publication dates the storyline issue fixes (two seeds are
 * undated in the text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPlainText } from '../../src/extract/plaintext/index.js';
import type { TimelineArticle } from '../../src/timeline/index.js';

export const SEED_DATES: Record<string, string> = { '000': '2024-01-20', '001': '2024-01-16', '002': '2023-06-15', '003': '2024-02-08', '004': '2024-06-25' };

export function loadSeeds(shared: string): TimelineArticle[] {
  const dir = join(shared, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.slice(0, 3);
      const c = cleanPlainText(readFileSync(join(dir, f), 'utf8'));
      return { id, text: c.text, published: SEED_DATES[id] ?? null, outlet: null, title: c.title, captions: c.captions };
    });
}
