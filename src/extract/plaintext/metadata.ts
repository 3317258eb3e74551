/**
 * Metadata lines of scraped plain text: date lines ("date 2023-06-15 World", "Updated on
 * 2024-02-08"), bylines, labels ("Category" / "Politics") and topic lists, read into fields.
 */
import { monthAlternation, monthNumbers } from '../../analyze/month-names.js';
import { LEXICONS } from '../../analyze/lexicon/index.js';

// Every language with month names: a date line is read whatever the page's language ("25 gennaio 2011").
const MONTHS = monthNumbers();
const MONTH_RE = monthAlternation(MONTHS);

const DATE_FORMS: { re: RegExp; parse(m: RegExpExecArray): [number, number, number] | null }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/, parse: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/, parse: (m) => [+m[3]!, +m[2]!, +m[1]!] },
  { re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), parse: (m) => [+m[3]!, MONTHS.get(m[1]!.toLowerCase())!, +m[2]!] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s+(?:de\\s+)?(${MONTH_RE})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'i'), parse: (m) => [+m[3]!, MONTHS.get(m[2]!.toLowerCase())!, +m[1]!] },
];

/** A date found in a line, as `YYYY-MM-DD`, with the text before and after it. */
export interface FoundDate {
  date: string;
  before: string;
  after: string;
}

/** Finds the first plausible calendar date in a line (1990 to 2100; day and month in range). */
export function findDate(line: string): FoundDate | null {
  for (const form of DATE_FORMS) {
    const m = form.re.exec(line);
    if (!m) continue;
    const ymd = form.parse(m);
    if (!ymd) continue;
    const [y, mo, d] = ymd;
    // Years outside the web era are page numbers or prices, not publication dates.
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { date, before: line.slice(0, m.index).trim(), after: line.slice(m.index + m[0].length).trim() };
  }
  return null;
}

const DAY_MONTH = [
  { re: new RegExp(`^(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?$`, 'i'), m: 1, d: 2 },
  { re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${MONTH_RE})\\.?$`, 'i'), m: 2, d: 1 },
];

/**
 * A day and month without a year, as the whole string: "May 3", "3 May", "3. Mai", "3 de mayo".
 * Wire datelines give only these; the year comes from elsewhere.
 */
export function findDayMonth(s: string): { month: number; day: number } | null {
  const t = s.trim().replace(/[.,]$/, '');
  for (const form of DAY_MONTH) {
    const m = form.re.exec(t);
    if (!m) continue;
    const month = MONTHS.get(m[form.m]!.toLowerCase())!;
    const day = +m[form.d]!;
    if (day >= 1 && day <= 31) return { month, day };
  }
  return null;
}

const UPDATED_LABEL = /(?:^|\s)(?:updated(?: on| at)?|last updated(?: on)?|modified(?: on)?|aktualisiert(?: am)?|zuletzt aktualisiert|mis à jour(?: le)?|actualizado(?: el)?|päivitetty|uppdaterad|uppdaterat|aggiornato(?: il| al)?|atualizado(?: em)?|bijgewerkt(?: op)?|zaktualizowano|aktualizacja|güncellendi|güncelleme(?: tarihi)?|обновлено)\s*:?$/i;
const PUBLISHED_LABEL = /(?:^|\s)(?:date|dated|published(?: on| at)?|posted(?: on)?|publication date|publish date|veröffentlicht(?: am)?|datum|publié(?: le)?|date de publication|publicado(?: el| em)?|fecha|julkaistu|julkaisupäivä|publicerad|publicerat|pubblicato(?: il)?|gepubliceerd(?: op)?|opublikowano|yayınlanma(?: tarihi)?|yayınlandı|опубликовано)\s*:?$/i;

/** Weekday names of every language with lists, and English's with its abbreviations ("Fri.", "Tues"). */
const WEEKDAY_RE = [
  'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun',
  ...Object.values(LEXICONS).flatMap((l) => l.dates?.weekdays ?? []),
]
  .join('|')
  .split('|')
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A weekday written next to the date of a date line: "Friday, June 7, 2013", "Sun Sep 15 2013". */
const WEEKDAY_BEFORE = new RegExp(`(?:^|\\s)(?:${WEEKDAY_RE})\\.?,?$`, 'iu');
/**
 * A clock time, as the stamp of a date line writes it: "11:45 AM PDT", "20.09 IST", "at 12:19 PM",
 * "@ 09:29 pm". A space may follow the colon ("1: 12 PM"): text rebuilt from tokens is written so.
 */
const CLOCK = String.raw`(?:(?:at|@)\s*)?\d{1,2}(?::\s?|\.)\d{2}(?::\d{2})?(?:\s?[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4}\b)?`;
const CLOCK_FIRST = new RegExp(`^${CLOCK}`, 'i');
const CLOCK_LAST = new RegExp(`(?:^|\\s)${CLOCK},?$`, 'i');
/** A second stamp after the first: "Last updated at 11:11 GMT", "Last Updated: Nov 27, 2005 8:10 PM ET". */
const LATER_STAMP = /^(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?\s*:?\s*/i;

/** A separator between the parts of a stamp: "May 3, 2013 | 11:45", "12:46 PM / Updated at 12:48 PM". */
const STAMP_SEPARATOR = /^[|·•,–/-]\s*/;

/** What is left of the text after a date line's date once its clock time and a later update stamp are cut. */
function afterStamp(after: string): string {
  let rest = after.replace(STAMP_SEPARATOR, '').replace(CLOCK_FIRST, '').trim().replace(STAMP_SEPARATOR, '');
  const later = LATER_STAMP.exec(rest);
  if (!later) return rest;
  rest = rest.slice(later[0].length);
  const date = findDate(rest);
  if (date && !date.before) rest = date.after;
  return rest.replace(STAMP_SEPARATOR, '').replace(CLOCK_FIRST, '').trim();
}

/** A short run of capitalised words: an outlet or section name ("Mondo International", "World"). */
const NAME_RUN = /^(?:[\p{Lu}\d][\p{L}\d&'’.-]*)(?:\s+(?:[\p{Lu}\d&][\p{L}\d&'’.-]*|of|the|and|de|la|le|der|die))*$/u;

/** What a date line says. */
export interface DateLine {
  field: 'published' | 'modified';
  date: string;
  outlet: string | null;
  section: string | null;
}

/**
 * Reads a line that is only a date with its label and at most a name before and after:
 * "date 2023-06-15 World", "Mondo International Updated on 2024-02-08", "Published: 3 May 2024".
 * A line with more words than that is prose that mentions a date, and gives null.
 */
export function readDateLine(line: string, isOutlet: (s: string) => boolean = () => false): DateLine | null {
  return readDateLineStamp(line, isOutlet)?.line ?? null;
}

/**
 * A date line that is a page's stamp beyond doubt: labelled ("Published:", "Updated") or stamped
 * with a clock time ("THURSDAY, APRIL 11, 2013, 12:12 AM"). Reason: such a line still dates the page
 * below a standfirst, where a bare date could head a section of a live blog or a list.
 */
export function readStampedDateLine(line: string, isOutlet: (s: string) => boolean = () => false): DateLine | null {
  const read = readDateLineStamp(line, isOutlet);
  return read?.stamped ? read.line : null;
}

function readDateLineStamp(line: string, isOutlet: (s: string) => boolean): { line: DateLine; stamped: boolean } | null {
  if (line.length > 100) return null;
  const found = findDate(line);
  if (!found) return null;
  // "The Northern Gazette | September 3, 2025": a name set off by a bar or bullet before the date.
  const separated = /\s[|·•–]\s*$/.test(found.before);
  // A weekday and a clock time may stand before the date ("updated 8:41 p.m. EST, Tue March 3, 2009").
  // Not after a separator: "The Sun | September 3, 2025" names an outlet, not a Sunday.
  let before = found.before.replace(/[|·•,–-]\s*$/, '').trim();
  const clockBefore = !separated && CLOCK_LAST.test(before.replace(WEEKDAY_BEFORE, '').trim());
  if (!separated) before = before.replace(WEEKDAY_BEFORE, '').trim().replace(CLOCK_LAST, '').trim();
  const after = afterStamp(found.after);
  let field: DateLine['field'] = 'published';
  const upd = UPDATED_LABEL.exec(before);
  const pub = upd ? null : PUBLISHED_LABEL.exec(before);
  if (upd) { field = 'modified'; before = before.slice(0, upd.index).trim(); }
  else if (pub) before = before.slice(0, pub.index).trim();
  // Without a label, only a bare date (with at most a section after it) is a date line, or one
  // after a publication's name and a separator.
  if (!upd && !pub && before && !(separated && isOutlet(before))) return null;
  const outlet = before && before.split(/\s+/).length <= 5 && NAME_RUN.test(before) ? before : null;
  if (before && !outlet) return null;
  const section = after && after.split(/\s+/).length <= 3 && NAME_RUN.test(after) ? after : null;
  if (after && !section) return null;
  const stamped = !!(upd || pub) || clockBefore || CLOCK_FIRST.test(found.after.replace(STAMP_SEPARATOR, ''));
  return { line: { field, date: found.date, outlet, section }, stamped };
}

const BYLINE = /^(?:(?:written|words|story|reporting)\s+by|geschrieben von|écrit par|escrito por|by|von|par|por|av|text|texto|teksti|kirjoittanut)\b\s*:?\s*(.*)$/i;
const PERSON = /^[\p{Lu}][\p{L}'’.-]+(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|van|von|de|del|da|di|le|la|bin|al|and|und|et|y|ja|och|,))*$/u;
/** A job title or place after the name: "Jane Doe, Staff Writer", "Jane Doe, in Hamburg". */
const ROLE = /\b(?:correspondent|reporter|writer|editor|staff|contributor|columnist|journalist|analyst|redakteur(?:in)?|korrespondent(?:in)?|journaliste|envoyée? spéciale?|corresponsal|redactora?|periodista|toimittaja|reportteri|kirjeenvaihtaja|reporter|skribent)\b|^(?:in|aus|à|en|i)\s+\p{Lu}/iu;

/** What a byline says: the author(s), and the outlet when it names one ("By Jane Doe | Riverside Gazette"). */
export interface Byline {
  author: string | null;
  outlet?: string;
}

/**
 * A byline: `{ author }` for "By Jane Doe", `{ author: null }` for a bare "By"; null otherwise.
 * A job title or place after a comma or bar is dropped ("By Jane Doe, Staff Writer"), and an outlet
 * there is returned as `outlet` ("By Jane Doe | The Riverside Gazette"), because bylines credit both.
 */
export function readByline(line: string, isOutlet: (s: string) => boolean = () => false): Byline | null {
  const m = BYLINE.exec(line);
  if (!m) return null;
  const name = m[1]!.trim();
  if (!name) return { author: null };
  if (name.length > 120) return null;
  const parts = name.split(/\s*(?:,|\||·|•|\s[-–—]\s)\s*/).filter(Boolean);
  const people: string[] = [];
  let outlet: string | undefined;
  let ended = false;
  for (const [i, part] of parts.entries()) {
    if (part.split(/\s+/).length > 8) return null;
    if (i === 0) { if (!PERSON.test(part)) return null; people.push(part); continue; }
    if (isOutlet(part)) { outlet ??= part; ended = true; continue; }
    // After a job title only more credits follow; a one-word part is a place ("Jane Doe, Hamburg").
    if (ROLE.test(part) || ended || !/\s/.test(part)) { ended = true; continue; }
    if (!PERSON.test(part)) return null;
    people.push(part);
  }
  const out: Byline = { author: people.join(', ') };
  if (outlet) out.outlet = outlet;
  return out;
}

const SECTION_LABEL = /^(?:category|categories|section|topic|rubric|kategorie|ressort|rubrik|catégorie|rubrique|categoría|sección|kategoria|osasto|aihe|kategori|avdelning|ämne)(?![\p{L}\p{N}])\s*(:?)\s*(.*)$/iu;
const DATE_LABEL = /^(?:date|publication date|publish date|published|updated|last updated|datum|veröffentlicht|date de publication|publié|fecha|fecha de publicación|publicado|julkaistu|julkaisupäivä|publicerad|publiceringsdatum)\s*:?$/i;
const AUTHOR_LABEL = /^(?:author|authors|autor|autorin|auteur|autora|kirjoittaja|författare|skribent)(?![\p{L}\p{N}])\s*(:?)\s*(.*)$/iu;

/**
 * A label line: "Category" (value on this or the next line), "Publication date", "Author". The label
 * must end at a word boundary: "authority arrests…" or "topical storm…" is text, not a label.
 */
export function readLabel(line: string): { label: 'section' | 'date' | 'author'; value: string | null } | null {
  let m = SECTION_LABEL.exec(line);
  if (m && labelled(m)) return { label: 'section', value: m[2]!.trim() || null };
  if (DATE_LABEL.test(line)) return { label: 'date', value: null };
  m = AUTHOR_LABEL.exec(line);
  if (m && labelled(m)) return { label: 'author', value: m[2]!.trim() || null };
  return null;
}

/**
 * A label match stands when a colon follows the label, or nothing, or a short capitalised name
 * ("Author Mara Lind"): "author solution israel palestine conflict" is a lower-cased headline and
 * "Section two of the bill was struck down" a sentence.
 */
function labelled(m: RegExpExecArray): boolean {
  const value = m[2]!.trim();
  return m[1] === ':' || !value || (/^\p{Lu}/u.test(value) && isLabelValue(value));
}

/** A short value line for a label: a name of at most four words, no sentence punctuation. */
export function isLabelValue(line: string): boolean {
  return line.length <= 40 && line.split(/\s+/).length <= 4 && !/[.!?:;]$/.test(line);
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Splits a run of topic names with no separators ("World Russia-Ukraine War Vladimir Putin NATO")
 * into tags. Separators (",", "|", "•", "·", ";") win when present; otherwise acronyms and known
 * names stand alone, and the longest multi-word names that the article itself uses are taken whole,
 * because the article is the only evidence of where one name ends and the next begins.
 */
export function splitTags(line: string, body: string, known: readonly string[] = []): string[] {
  if (/[,|•·;]/.test(line)) return line.split(/\s*[,|•·;]\s*/).map((s) => s.trim()).filter(Boolean);
  const words = line.split(/\s+/).filter(Boolean);
  const foldedBody = fold(body);
  const knownSet = new Set(known.map(fold));
  const tags: string[] = [];
  let pending: string[] = [];
  const flush = (): void => { if (pending.length) tags.push(pending.join(' ')); pending = []; };
  for (let i = 0; i < words.length;) {
    let taken = 0;
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      if (foldedBody.includes(fold(phrase))) { flush(); tags.push(phrase); taken = n; break; }
    }
    if (taken) { i += taken; continue; }
    const w = words[i]!;
    if (knownSet.has(fold(w)) || /^\p{Lu}{2,}$/u.test(w)) { flush(); tags.push(w); } else pending.push(w);
    i++;
  }
  flush();
  return tags;
}

/** A line of topic names: two or more capitalised words, no sentence punctuation, few stopwords. */
export function looksLikeTopicList(line: string, stopRatio: number): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || line.length > 160 || /[.!?:]$/.test(line)) return false;
  const capital = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  // Topic names are capitalised; "of"/"and" inside names are the only lowercase words allowed.
  return capital / words.length >= 0.8 && stopRatio <= 0.2;
}
