/**
 * Language-neutral anchors of a text: the names and figures that two reports of one happening
 * share even when they are written in different languages ("5,8" and "5.8", "Erdoğan" and
 * "Erdogan", "Port Almera" in both). Word vectors cannot meet across languages; these can.
 */
import { entityCounts } from './entities.js';

/** Languages that write the decimal mark as a comma and group thousands with a dot or space. */
const DECIMAL_COMMA = new Set(['de', 'fr', 'es', 'it', 'nl', 'pt', 'ru', 'uk', 'pl', 'tr', 'sv', 'da', 'no', 'nb', 'fi', 'cs', 'ro', 'hu', 'el', 'bg', 'hr', 'sk', 'sl', 'sr', 'lt', 'lv', 'et', 'id']);

const NUMBER = /(?<![\p{L}\p{N}.,:])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?![\p{N}])|(?<![\p{L}\p{N}.,:])\d+(?:[.,]\d+)?(?![\p{N}:])/gu;

/**
 * The figures of a text as canonical strings ("1,200" and "1.200" → "1200"; "5,8" in German and
 * "5.8" in English → "5.8"). Single digits are left out (reason: "two", "3" are everywhere and
 * often spelt out), and so are clock times ("04:12"), whose forms vary by language.
 * @example numberKeys('Ein Erdbeben der Stärke 5,8 verletzte 34 Menschen', 'de') // ['5.8', '34']
 */
export function numberKeys(text: string, language: string | null): string[] {
  const comma = language !== null && DECIMAL_COMMA.has(language);
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    let s = m[0].replace(/[\u00a0\u202f ]/g, '');
    // Thousands groups first (both marks present, or a mark followed by exactly three digits in a grouped form).
    const grouped = /^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?$/.test(s) && /[.,]\d{3}(?:[.,]|$)/.test(s);
    const decimalMark = comma ? ',' : '.';
    const groupMark = comma ? '.' : ',';
    if (grouped && (s.includes(groupMark) || s.split(decimalMark).length > 2)) s = s.split(groupMark).join('');
    if (comma) s = s.replace(',', '.');
    else s = s.replace(/,/g, '');
    const value = Number(s);
    if (!Number.isFinite(value) || (Number.isInteger(value) && value < 10)) continue;
    out.push(String(value));
  }
  return out;
}

/**
 * Names (diacritics and case folded, as `entityCounts` keys them) and figures of a text, each with
 * its count. Names are prefixed `@`, figures `#`, so they never meet each other.
 */
export function anchorCounts(text: string, language: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of entityCounts(text)) out.set(`@${k}`, n);
  for (const k of numberKeys(text, language)) out.set(`#${k}`, (out.get(`#${k}`) ?? 0) + 1);
  return out;
}
