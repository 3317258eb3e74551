/**
 * Feed reading against the conformance checks of Python's feedparser (half of its test feeds, in
 * `../shared/data/feeds/feedparser/`). Each check is a Python expression over feedparser's result; the
 * ones that map to Storyline's fields are read here (a small reader of `X == 'literal'` checks, no
 * Python), and the same field of Storyline's reading is compared with the expected value:
 * - `feed.title` → the feed's title; `entries[0].title` (or `title_detail.value`) → the first item's title;
 * - `entries[0].link` → its URL; `entries[0].author` → its author;
 * - `entries[0].description`, `summary`, `content[0].value` → its content.
 * Titles and content are compared as the text a reader sees (markup dropped, entities decoded,
 * white space folded): Storyline keeps plain text, and an `<img onerror>` in a title must not become
 * markup anywhere. Every file is also read for crashes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXml } from '../../src/extract/index.js';
import { htmlToText, parseFeed, type ParsedFeed } from '../../src/ingest/index.js';

/** One check of the suite that names a Storyline field. */
export interface FeedCheck {
  file: string;
  group: string;
  field: 'feed.title' | 'title' | 'link' | 'author' | 'content';
  expected: string;
}

/** Reads a Python string literal (u'…', '…', "…") with its escapes; null when it is not one. */
function pythonString(src: string): string | null {
  const m = /^u?(['"])([\s\S]*)\1$/u.exec(src.trim());
  if (!m) return null;
  const body = m[2]!;
  if (body.includes(m[1]!) && !/\\['"]/u.test(body)) return null;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt\\'"])/gu, (_, e: string) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e]!;
  });
}

/** `'a' + 'b'` → 'ab'; null unless every part is a string literal. */
function concatenated(src: string): string | null {
  const parts: string[] = [];
  const re = /\s*(u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*")\s*(\+|$)/guy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(src))) {
    const s = pythonString(m[1]!);
    if (s === null) return null;
    parts.push(s);
    end = re.lastIndex;
    if (m[2] === '') break;
  }
  return end === src.length && parts.length ? parts.join('') : null;
}

const FIELDS: [RegExp, FeedCheck['field']][] = [
  [/^feed\[['"]title['"]\](?:\[['"]value['"]\])?$/u, 'feed.title'],
  [/^feed\[['"]title_detail['"]\]\[['"]value['"]\]$/u, 'feed.title'],
  [/^entries\[0\]\[['"]title['"]\]$/u, 'title'],
  [/^entries\[0\]\[['"]title_detail['"]\]\[['"]value['"]\]$/u, 'title'],
  [/^entries\[0\]\[['"]link['"]\]$/u, 'link'],
  [/^entries\[0\]\[['"]author['"]\]$/u, 'author'],
  [/^entries\[0\]\[['"](?:description|summary)['"]\]$/u, 'content'],
  [/^entries\[0\]\[['"]content['"]\]\[0\]\[['"]value['"]\]$/u, 'content'],
];

/** The checks of `gold.jsonl` that name a Storyline field, as field and expected value. */
export function loadFeedChecks(dir: string): FeedCheck[] {
  const out: FeedCheck[] = [];
  for (const line of readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { file: string; group: string; expect: string | null };
    if (!r.expect) continue;
    const expr = r.expect.replace(/^(?:not\s+)?bozo\s+and\s+/u, '');
    const eq = /^(\S+)\s*==\s*([\s\S]+)$/u.exec(expr);
    if (!eq) continue;
    const field = FIELDS.find(([re]) => re.test(eq[1]!))?.[1];
    const expected = field ? concatenated(eq[2]!) : null;
    if (field && expected !== null) out.push({ file: r.file, group: r.group, field, expected });
  }
  return out;
}

/** Visible text of an HTML fragment, as the feed reader renders titles: the reader's own `htmlToText`. */
export function visibleText(value: string | null | undefined): string {
  return value ? htmlToText(value) : '';
}

const fold = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, ' ').trim();

/** Storyline's reading of one field of a parsed feed. */
export function fieldOf(feed: ParsedFeed, field: FeedCheck['field']): string | null {
  if (!feed.ok) return null;
  if (field === 'feed.title') return feed.title;
  const item = feed.items[0];
  if (!item) return null;
  if (field === 'title') return item.title;
  if (field === 'link') return item.url;
  if (field === 'author') return item.author;
  return item.html !== null ? visibleText(item.html) : item.text;
}

export interface FeedScore {
  checks: number;
  passed: number;
  byField: Map<string, { checks: number; passed: number }>;
  failures: { check: FeedCheck; got: string }[];
  files: number;
  /** Files read as no feed at all, by code (the suite's ill-formed files included). */
  refused: Map<string, number>;
  crashes: { file: string; error: string }[];
}

/** Reads every file of the suite (counting crashes) and scores the mapped checks. */
export function scoreFeeds(dir: string): FeedScore {
  const checks = loadFeedChecks(dir);
  const files = [...new Set(readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { file: string }).file))];
  const parsed = new Map<string, ParsedFeed>();
  const crashes: FeedScore['crashes'] = [];
  for (const file of files) {
    try {
      parsed.set(file, parseFeed(decodeXml(readFileSync(join(dir, file)))));
    } catch (err) {
      crashes.push({ file, error: (err as Error).message });
    }
  }
  const refused = new Map<string, number>();
  for (const feed of parsed.values()) if (!feed.ok) refused.set(feed.code, (refused.get(feed.code) ?? 0) + 1);
  const byField = new Map<string, { checks: number; passed: number }>();
  const failures: FeedScore['failures'] = [];
  let passed = 0;
  for (const check of checks) {
    const feed = parsed.get(check.file);
    const got = feed ? fieldOf(feed, check.field) : null;
    // Links and authors are compared as written; titles and content (Storyline's are plain text, an item's
    // HTML read as a page is) with the text a reader sees of the expected value.
    const ok = check.field === 'link' || check.field === 'author' ? (got ?? '') === check.expected : fold(got) === visibleText(check.expected);
    const f = byField.get(check.field) ?? { checks: 0, passed: 0 };
    f.checks++;
    if (ok) {
      f.passed++;
      passed++;
    } else failures.push({ check, got: got ?? (feed && !feed.ok ? `(refused: ${feed.code})` : '(nothing)') });
    byField.set(check.field, f);
  }
  return { checks: checks.length, passed, byField, failures, files: files.length, refused, crashes };
}
