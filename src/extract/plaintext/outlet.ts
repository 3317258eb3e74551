/**
 * Who published a scraped plain text, and who wrote it, from the lines that credit it: a masthead
 * line near the headline ("The Riverside Gazette"), the copyright holder ("© 2024 Riverside Media
 * Group Ltd."), the site name that heads a navigation list, and wire credits ("Source: Nordic News
 * Agency", "HAMBURG, May 3 (NNA) -", "(Reporting by Jane Doe; editing by John Roe)").
 */
import { findDate, findDayMonth } from './metadata.js';

/**
 * Where an outlet name came from, best first: a masthead line at the top of the page names the page's
 * own publication; the copyright holder owns the page (a group name, trimmed); a site name in the
 * navigation is only logo text; a wire credit names the agency, which a republishing site is not.
 */
export type OutletRule = 'date-line' | 'outlet-line' | 'byline' | 'copyright-holder' | 'site-name' | 'newsletter-name' | 'wire-credit' | 'wire-dateline';

const OUTLET_RANK: Record<OutletRule, number> = {
  'date-line': 0, 'outlet-line': 0, byline: 0, 'copyright-holder': 1, 'site-name': 2, 'newsletter-name': 2, 'wire-credit': 3, 'wire-dateline': 3,
};

/** Precedence rank of an outlet rule: lower wins (the masthead, date and byline lines all sit at the top). */
export function outletRank(rule: OutletRule): number {
  return OUTLET_RANK[rule];
}

/** A capitalised name of a few words; "of", "the" and articles of several languages may sit inside. */
const NAME_WORDS = /^(?:[\p{Lu}\d][\p{L}\d&'’.-]*)(?:\s+(?:[\p{Lu}\d&][\p{L}\d&'’.-]*|of|the|and|de|del|la|le|les|du|des|der|die|das|für|och|y|et))*$/u;

/**
 * Words publications name themselves with, in the six corpus languages: a name line with one of them
 * is a masthead, not a person ("Jane Doe" under a headline is a byline without "By").
 * Whole words, lower case.
 */
const MASTHEAD_WORDS = new Set((
  'times post herald daily news observer tribune journal gazette chronicle telegraph guardian voice courier ledger ' +
  'press examiner monitor register dispatch bulletin inquirer enquirer sentinel argus advocate recorder messenger agency ' +
  'zeitung rundschau nachrichten anzeiger kurier bote presse merkur spiegel allgemeine tagblatt tageblatt agentur ' +
  'monde figaro libération courrier quotidien parisien dépêche tribune échos progrès agence hebdo ' +
  'país mundo diario periódico heraldo correo noticias prensa vanguardia razón crónica voz informador agencia ' +
  'sanomat uutiset lehti kansa ' +
  'nyheter tidning tidningen posten bladet dagblad dagbladet kuriren allehanda expressen'
).split(' '));
/**
 * Words that end ordinary headings as often as mastheads ("Book Review", "World Record", "Rising
 * Star"): they mark a name only after a leading article ("The Morning Star").
 */
const WEAK_MASTHEAD_WORDS = new Set('review record today star sun mirror globe echo banner beacon leader standard magazine reporter wire weekly express independent mail citizen'.split(' '));
/** Compound masthead words end like these ("Abendblatt", "Morgenpost", "Iltalehti", "Aftonbladet"). */
const MASTHEAD_SUFFIX = /(?:zeitung|blatt|rundschau|nachrichten|anzeiger|kurier|bote|post|presse|sanomat|lehti|uutiset|bladet|posten|tidning|tidningen|kuriren)$/;
/** Two-word lines such as "Latest News" or "World News" are section headings, not outlets. */
const SECTION_FIRST = /^(?:latest|breaking|top|more|world|local|national|international|business|sports?|tech|science|health|politics|entertainment|economy|regional|related|other|recent|live|good|fake|today's|next|previous|prev|older|newer|blog|book|film|movie|product|music)$/i;
/** Leading articles: "The Riverside Gazette", "Le Courrier du Nord", "Die Neue Presse". */
const ARTICLE_FIRST = /^(?:the|le|la|les|el|il|der|die|das)$/i;

const fold = (w: string): string => w.toLowerCase().replace(/[’'.]+$/, '');
const isCompoundMasthead = (w: string): boolean => {
  const m = MASTHEAD_SUFFIX.exec(fold(w));
  return !!m && m.index >= 3;
};
const isMasthead = (w: string): boolean => MASTHEAD_WORDS.has(fold(w)) || isCompoundMasthead(w);

/**
 * True when a short line is a publication's name: a capitalised name of one to five words with a
 * masthead word ("Daily", "Herald", "Zeitung", "Sanomat") at its end, or after a leading article
 * ("The Times of Northland"); with `strict` (a line above the headline, where Title Case headlines
 * also sit) only at its end. `weakEnds` lets words such as "Star" or "Weekly" end a name without
 * a leading article, for lines whose place already says masthead (under the headline, over the date). Bare domains are left alone: on the TurkuNLP pages they are link text.
 *
 * @example isOutletName('The Riverside Gazette') // true; isOutletName('Jane Doe') // false
 */
export function isOutletName(line: string, strict = false, weakEnds = false): boolean {
  const s = line.trim();
  if (!s || s.length > 50) return false;
  if (!NAME_WORDS.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  if (words.length === 2 && SECTION_FIRST.test(words[0]!)) return false;
  if (words.length === 1 && ARTICLE_FIRST.test(words[0]!)) return false;
  const last = words[words.length - 1]!;
  // One word alone ("News", "Today") is a menu entry unless it is a compound masthead ("Abendblatt").
  if (words.length === 1) return isCompoundMasthead(last);
  // The masthead word ends the name ("Riverside Gazette"); "Latest News Releases" is a heading.
  // Below the headline a leading article also marks a name: "The Times of Northland".
  const article = ARTICLE_FIRST.test(words[0]!);
  if ((article || weakEnds) && WEAK_MASTHEAD_WORDS.has(fold(last))) return true;
  // Above the headline, a long Title Case line ending in "News" is more likely the headline itself.
  if (strict) return words.length <= 4 && isMasthead(last);
  return isMasthead(last) || (article && words.some(isMasthead));
}

/** The copyright sign or word that opens a copyright line, with the years after it. */
const COPYRIGHT_HEAD = /^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\b)?\s*:?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?(?:by\s+)?/i;
const RIGHTS = /\s*[.,;|-]?\s*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|kaikki oikeudet pidätetään|alla rättigheter förbehållna)\b.*$/i;
/** Legal forms after a company name: always dropped. */
const LEGAL_FORM = /[\s,]+(?:llc|l\.l\.c\.|ltd\.?|limited|inc\.?|incorporated|corp\.?|corporation|co\.?|company|plc|gmbh(?:\s*&\s*co\.?\s*kg)?|ag|kg|s\.?a\.?s?\.?|s\.?l\.?|s\.?p\.?a\.?|ab|oy|oyj|asa|as|bv|n\.?v\.?|sarl|s\.a\.r\.l\.)$/i;
/** Business-unit words after a publication's name ("Media Group", "Verlag"): dropped while a name remains. */
const UNIT_WORD = /\s+(?:media|group|mediengruppe|medien|verlag|verlagsgruppe|publishing|publications|publishers|holdings?|digital|interactive|online|network|networks|communications|enterprises|éditions|editions|ediciones|grupo|groupe|mediakoncernen|konserni)$/i;

/**
 * The holder named by a copyright line, trimmed of years, legal forms and business-unit words:
 * "© 2024 Riverside Media Group Ltd. All rights reserved." → "Riverside". Null when the line names
 * no plain holder (a photo credit "© Jane Roe/Agency", a sentence).
 */
export function readCopyrightHolder(line: string): string | null {
  if (line.length > 200 || /[/:@]/.test(line.replace(/^copyright\s*:/i, ''))) return null;
  if (!/^(?:©|\(c\)|copyright\b)/i.test(line.trim())) return null;
  // "& Co. KG" carries dots that would read as a sentence end.
  let s = line.trim().replace(COPYRIGHT_HEAD, '').replace(RIGHTS, '').replace(/\s*&\s*co\.?(?:\s*kg)?(?=[\s.,]|$)\.?/gi, '');
  // A year after the name: "© Riverside Gazette 2024".
  s = s.replace(/\s*,?\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*$/, '');
  // What follows the first sentence or separator is a second notice ("Reproduction prohibited").
  s = s.split(/\s+[|·•–—-]\s+|\.\s+(?=\p{Lu})/u)[0]!.trim().replace(/[.,;]+$/, '');
  for (let prev = ''; prev !== s;) { prev = s; s = s.replace(LEGAL_FORM, '').trim(); }
  for (let prev = ''; prev !== s;) {
    prev = s;
    const cut = s.replace(UNIT_WORD, '').trim();
    if (cut && cut !== s) s = cut;
  }
  s = s.replace(/[.,;]+$/, '').trim();
  if (!s || s.length > 50 || !NAME_WORDS.test(s) || s.split(/\s+/).length > 5) return null;
  return unshout(s);
}

/** "Get the Riverside Gazette morning briefing", "Sign up for the Valley Times newsletter". */
const NEWSLETTER_OFFER = /^(?:get|sign up for|subscribe to|receive)\s+(?:the\s+)?(.+?)\s+(?:(?:morning|evening|daily|weekly|weekend)\s+)?(?:newsletter|briefing|digest|bulletin)\b/i;

/**
 * The publication a site's own newsletter offer names: sites sell their newsletter under their
 * masthead, so the name counts when it reads as one (a newspaper word such as "Daily" or "Times").
 */
export function readNewsletterName(line: string): string | null {
  const m = NEWSLETTER_OFFER.exec(line.trim());
  const name = m?.[1]?.replace(/^the\s+/i, '').trim();
  return name && isOutletName(name) ? name : null;
}

/**
 * Footers are often set in capitals by the page's style: "NORTHBRIDGE COURIER" → "Northbridge Courier".
 * Words of up to three letters stay as they are (agency abbreviations: "NNA", "AP"), except articles.
 */
function unshout(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}{4}/u.test(name)) return name;
  return name.split(/\s+/).map((w, i) => {
    if (/^(?:THE|OF|AND)$/.test(w)) return i === 0 ? w[0] + w.slice(1).toLowerCase() : w.toLowerCase();
    return w.length >= 4 ? w[0] + w.slice(1).toLowerCase() : w;
  }).join(' ');
}

/** "Source: Nordic News Agency", "Quelle: dpa", "Fuente: EFE", "Lähde: STT", "Källa: TT". */
const SOURCE_CREDIT = /^(?:source|sources|quelle|fuente|fonte|lähde|källa|via)\s*:\s*(.+?)\s*\.?$/i;

/**
 * The agency named by a bare source line ("Source: Nordic News Agency" → "Nordic News Agency").
 * Whether it credits the text or a photo depends on where it sits; the caller decides.
 */
export function readSourceCredit(line: string): string | null {
  const m = SOURCE_CREDIT.exec(line.trim());
  if (!m) return null;
  const name = m[1]!.trim();
  // Several agencies: "AFP, Reuters" or "dpa/AFP"; the first is the credit.
  const first = name.split(/\s*[,/;]\s*|\s+(?:and|und|et|y|ja|och)\s+/)[0]!.trim();
  return first.length <= 50 && NAME_WORDS.test(first) && first.split(/\s+/).length <= 5 ? first : null;
}

/**
 * A bare agency tag in brackets on its own line: "(NNA)", "(dpa)", "(with NNA)", "(avec AFP)".
 * Without "with"/"avec" only an abbreviation counts: "(Updated)" or "(Video)" are labels.
 */
const AGENCY_TAG = /^\(\s*(?:(?:with|avec|con|mit|med|via)\s+([\p{Lu}][\p{L}&.-]{1,14})|([\p{Lu}][\p{Lu}&.-]{1,9}|\p{Ll}{2,4}))(?:\s*[/,]\s*[\p{L}][\p{L}&.-]{1,14})*\s*\)\.?$/u;

/** The agency of a bracketed tag line ("(NNA)" → "NNA"), or null. */
export function readAgencyTag(line: string): string | null {
  const m = AGENCY_TAG.exec(line.trim());
  return m ? (m[1] ?? m[2])! : null;
}

/**
 * Reporting credits of wire copy, in English, French, Spanish and German: "(Reporting by Jane Doe in
 * Hamburg; editing by John Roe)", "(Reportage Jean Dupont, édité par …)", "(Información de …)".
 */
const REPORTING = /^\(?\s*(?:additional\s+)?(?:reporting(?:\s+by)?|reportage(?:\s+de)?|reporte\s+de|reportaje\s+de|información\s+de|bericht\s+von|berichterstattung)\s*:?\s+([^;()]+?)\s*(?:[;)]|,\s*(?:writing|editing|edited|édité|editado|redigiert|rédigé)(?=\s)|$)/iu;
/** Where a reporting credit's name list ends: " in Hamburg", " à Paris", " en Madrid". */
const REPORTER_PLACE = /\s+(?:in|à|en|aus|from)\s+[\p{Lu}][\p{L}' -]*$/u;
const PERSON_NAME = /^[\p{Lu}][\p{L}'’.-]+(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|van|von|de|del|da|di|le|la|bin|al))+$/u;

/**
 * The reporters of a wire credit line: "(Reporting by Jane Doe and Tom Roe in Hamburg; editing by
 * John Roe)" → "Jane Doe and Tom Roe". Null for other lines and for a credit that names no person.
 */
export function readReportingCredit(line: string): string | null {
  const s = line.trim();
  if (s.length > 250) return null;
  // A whole line: in brackets, or the credit alone (prose that mentions "reporting by" runs on).
  if (!(s.startsWith('(') && s.endsWith(')')) && !/^(?:additional\s+)?reporting by\b/i.test(s)) return null;
  const m = REPORTING.exec(s);
  if (!m) return null;
  const names = m[1]!.replace(REPORTER_PLACE, '').trim();
  const people = names.split(/\s*,\s*|\s+(?:and|und|et|y|ja|och)\s+/);
  return people.length && people.every((p) => PERSON_NAME.test(p)) ? names : null;
}

/** A wire dateline that opens a story, read into its parts. */
export interface WireDateline {
  /** The prefix as written, up to and including the dash: "HAMBURG, May 3 (NNA) - ". */
  prefix: string;
  place: string;
  /** The agency in brackets ("NNA"), or null when the dateline names none ("NEWARK, N.J. _"). */
  agency: string | null;
  /** `YYYY-MM-DD` when the dateline has a year. */
  date: string | null;
  /** The dateline names a day and month without a year ("May 3"). */
  dayMonth: boolean;
}

/** "PLACE[, DATE or REGION] [(AGENCY)] - ": AP ("(AP)_"), Reuters, AFP, dpa, EFE style; may stand alone on its line. */
const DATELINE = /^([\p{Lu}][\p{L}.'’-]*(?:[\s/-]+[\p{Lu}][\p{L}.'’-]*){0,3})(?:,\s*([^()]{1,40}?))?\s*(?:\(([^()]{1,30})\))?\s*[.,]?\s*([-–—:_]+)(?:\s+(?=\S)|\s*$)/u;

/**
 * Reads the wire dateline at the start of a paragraph: "HAMBURG, May 3 (NNA) - The port …" gives
 * place "HAMBURG", agency "NNA", a day-month. The place must be written in capitals, or the line must
 * carry a short agency tag with a dash, so "Berlin (dpa) -" counts and "The mayor (retired) -" not.
 * Without an agency the capital place needs a date or region after it, or the wire's "_" separator
 * ("NEWARK, N.J. _"), because "NATO - the alliance …" also opens with capitals and a dash.
 */
export function readWireDateline(paragraph: string): WireDateline | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!.trim();
  const agency = m[3]?.trim() ?? null;
  const capsPlace = /^[\p{Lu}\s./'’-]+$/u.test(place) && /\p{Lu}{2}/u.test(place);
  if (agency !== null) {
    // Agencies are short names or abbreviations, not sentences or numbers.
    if (!/^[\p{L}][\p{L}&.\s/-]{0,29}$/u.test(agency) || agency.split(/\s+/).length > 3) return null;
    const tagAgency = /^[\p{Lu}][\p{Lu}&.-]{1,9}$|^[\p{Ll}]{2,5}(?:-[\p{Lu}]+)?$|^[\p{Lu}][\p{Ll}]+$/u.test(agency);
    if (!capsPlace && !tagAgency) return null;
  } else if (!capsPlace || (!m[2] && !m[4]!.includes('_'))) return null;
  let date: string | null = null;
  let dayMonth = false;
  let fullPlace = place;
  const extra = m[2]?.trim();
  if (extra) {
    const full = findDate(extra);
    if (full && !full.before && !full.after.replace(/[.,]/g, '').trim()) date = full.date;
    else if (findDayMonth(extra)) dayMonth = true;
    // "SARN, Northland (NNA) -": a region after the place.
    else if (NAME_WORDS.test(extra) && extra.split(/\s+/).length <= 3) fullPlace = `${place}, ${extra}`;
    else return null;
  }
  return { prefix: m[0], place: fullPlace, agency, date, dayMonth };
}

/** Link words that open a site's navigation list, right after its name. */
export const HOME_LINK = /^(?:home|home ?page|front ?page|startseite|start|accueil|inicio|portada|etusivu|hem|förstasidan)$/i;
