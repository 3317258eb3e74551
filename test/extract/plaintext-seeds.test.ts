/**
 * The five canonical seeds, checked line by line: every article paragraph is kept, each kind of
 * boilerplate is removed with its reason, captions and metadata land in their fields.
 * The seeds are read from ../shared at run time; only short boilerplate lines are named here.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { CleanedFields, RemovalReason } from '../../src/model/index.js';
import { cleanPlainText } from '../../src/extract/plaintext/index.js';
import { sharedDir } from '../helpers/shared.js';

function seed(t: TestContext, prefix: string): { raw: string; lines: string[]; out: CleanedFields } | null {
  const shared = sharedDir(t); if (!shared) return null;
  const dir = join(shared, 'seeds');
  const file = readdirSync(dir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} missing`);
  const raw = readFileSync(join(dir, file), 'utf8');
  return { raw, lines: raw.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()), out: cleanPlainText(raw) };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every listed input line (1-based) is a paragraph of the output text. */
function assertKept(lines: string[], out: CleanedFields, numbers: number[]): void {
  const paragraphs = new Set(out.text.split(/\n/).map(norm));
  for (const n of numbers) assert.ok(paragraphs.has(lines[n - 1]!), `line ${n} should be kept: ${lines[n - 1]!.slice(0, 60)}`);
}

/** The exact line is absent from the text and present in `removed` with the reason. */
function assertRemoved(out: CleanedFields, line: string, reason: RemovalReason): void {
  assert.ok(!out.text.split('\n').map(norm).includes(line), `"${line}" should not be in the text`);
  const r = out.removed.find((x) => norm(x.text) === line);
  assert.ok(r, `"${line}" should be in removed`);
  assert.equal(r.reason, reason, `"${line}" removed as ${r.reason}, expected ${reason}`);
}

/** The article paragraphs: non-empty lines longer than a headline, by line number. */
const paragraphLines = (lines: string[], from: number, to: number): number[] =>
  lines.map((l, i) => (i + 1 >= from && i + 1 <= to && l.length > 80 ? i + 1 : 0)).filter(Boolean);

test('seed 000: clean article, title taken, every paragraph kept', (t) => {
  const s = seed(t, '000'); if (!s) return;
  assert.equal(s.out.title, s.lines[0]);
  assertKept(s.lines, s.out, paragraphLines(s.lines, 2, s.lines.length));
  assert.equal(s.out.text.split('\n\n').length, 6);
  assert.equal(s.out.removed.length, 0);
  assert.equal(s.out.published, null);
});

test('seed 001: share widgets and comment counter removed', (t) => {
  const s = seed(t, '001'); if (!s) return;
  assert.equal(s.out.title, s.lines[0]);
  assertKept(s.lines, s.out, paragraphLines(s.lines, 2, s.lines.length));
  assertRemoved(s.out, 'Share this:', 'share-widget');
  assertRemoved(s.out, 'All comments.', 'comments');
  assert.ok(s.out.text.endsWith(s.lines[18]!), 'the last paragraph closes the text');
});

test('seed 002: date line, tags, outlet from the copyright holder, caption, read-more, subscription, newsletter, navigation, footer', (t) => {
  const s = seed(t, '002'); if (!s) return;
  const o = s.out;
  assert.equal(o.title, s.lines[2]);
  assert.equal(o.published, '2023-06-15');
  assert.equal(o.publishedFrom, 'text');
  assert.equal(o.section, 'World');
  assert.equal(o.author, null);
  // The outlet is read from the copyright holder in the footer (legal form trimmed, capitals undone).
  assert.equal(o.outlet, 'Newsweek');
  assert.deepEqual(o.tags, ['World', 'Russia-Ukraine War', 'Vladimir Putin', 'Recep Tayyip Erdoğan', 'NATO']);
  assertRemoved(o, 'By', 'metadata');
  // Article paragraphs, including the one after "Read more" and the short last one before the footer.
  const body = paragraphLines(s.lines, 8, 33).filter((n) => n !== 17);
  assertKept(s.lines, o, [...body, 33]);
  assert.ok(o.text.endsWith(s.lines[32]!), 'the short last paragraph is kept');
  // Photo caption with its agency credit and the picture title before it.
  assert.equal(o.captions.length, 2);
  assert.ok(o.captions[1]!.endsWith('/AFP/Getty'));
  assert.equal(o.captions[0], s.lines[15]);
  assert.ok(!o.text.includes('Prokofyev'));
  assertRemoved(o, 'Read more', 'related-links');
  assertRemoved(o, 'Request Reprint & Licensing, Submit Correction or view Editorial Guidelines', 'footer');
  assertRemoved(o, "Editor's Picks", 'related-links');
  assertRemoved(o, 'Subscribe now', 'subscription');
  assertRemoved(o, 'Digital+ Yearly $49.00', 'subscription');
  assertRemoved(o, '• Unlimited access to Newsweek.com', 'subscription');
  assertRemoved(o, '2023 Issue', 'subscription');
  assertRemoved(o, 'See Sample', 'newsletter');
  assertRemoved(o, 'The Debate (Tuesdays)', 'newsletter');
  assertRemoved(o, 'Tech & Science', 'navigation');
  assertRemoved(o, 'Fact Check', 'navigation');
  assertRemoved(o, 'Terms of Use', 'footer');
  assertRemoved(o, 'Privacy Policy', 'footer');
  assertRemoved(o, '© 2023 NEWSWEEK DIGITAL LLC', 'copyright');
  // Nothing after the last paragraph survives.
  const paragraphs = new Set(o.text.split('\n').map(norm));
  for (const line of s.lines.slice(34)) if (line) assert.ok(!paragraphs.has(line), `tail line kept: ${line}`);
});

test('seed 003: outlet and update date read from one line, related pages removed', (t) => {
  const s = seed(t, '003'); if (!s) return;
  const o = s.out;
  assert.equal(o.title, s.lines[0]);
  assert.equal(o.outlet, 'Mondo International');
  assert.equal(o.modified, '2024-02-08');
  assert.equal(o.published, '2024-02-08');
  assert.equal(o.publishedFrom, 'text');
  assert.ok(!o.text.includes('Updated on'));
  assertKept(s.lines, o, paragraphLines(s.lines, 4, s.lines.length));
  assertRemoved(o, 'Related Pages', 'related-links');
});

test('seed 004: labels, repeated title, caption, list items kept, cookie and language notices', (t) => {
  const s = seed(t, '004'); if (!s) return;
  const o = s.out;
  assert.equal(o.title, s.lines[0]);
  assert.equal(o.section, 'Politics');
  assert.equal(o.published, null);
  assertRemoved(o, 'Publication date', 'metadata');
  assertRemoved(o, s.lines[0]!, 'repeated-title');
  // "Source: AFP" under a picture title above the text credits the photo, not the article.
  assert.deepEqual(o.captions, ['Putin', 'Source: AFP']);
  assert.equal(o.outlet, null);
  assert.ok(!/^Putin$/m.test(o.text));
  // Every line from the first paragraph to the last sentence is kept, headings and bullets included.
  const content = s.lines.map((l, i) => (i + 1 >= 11 && i + 1 <= 41 && l ? i + 1 : 0)).filter(Boolean);
  assertKept(s.lines, o, content);
  assert.match(o.text, /Points of attention\n\n• .+\n• .+\n• .+/);
  assert.ok(o.text.endsWith(s.lines[40]!));
  assertRemoved(o, s.lines[42]!, 'cookie-notice');
  assertRemoved(o, s.lines[44]!, 'language-notice');
});
