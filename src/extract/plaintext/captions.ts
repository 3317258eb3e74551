/**
 * Photo captions and credits in scraped text: a line ending with an agency credit
 * ("… Jane Roe/Agency/AFP/Getty"), a bare credit ("Source: AFP", "Photo: Reuters"), and the short
 * picture title that sits right before such a line.
 */

/** "Name/Agency/AFP/Getty" at the end: slash-joined capitalised names are how photo credits are written. */
const SLASH_CREDIT = /(?:^|\s)[\p{Lu}][\p{L}'’.-]*(?:\s[\p{Lu}][\p{L}'’.-]*){0,3}(?:\s?\/\s?[\p{Lu}][\p{L}'’.&-]*(?:\s[\p{Lu}][\p{L}'’.&-]*){0,2}){1,4}$/u;

/** "Photo: Reuters", "Source: AFP", "Foto: dpa", "Kuva: Lehtikuva" as the end of a line. */
const LABEL_CREDIT = /(?:^|[\s.(])(?:photo|photos|photograph|picture|image|credit|source|foto|bild|quelle|crédit|crédits|fuente|imagen|kuva|lähde|källa)\s*:\s*[^.!?:]{1,60}\)?$/i;

/** Photo-only agencies: a line ending with one of these names a picture, not a sentence. */
const PHOTO_AGENCY = /(?:getty images|shutterstock|istock(?:photo)?|alamy|imago(?: images)?|picture alliance|lehtikuva|scanpix|keystone|afp via getty images)\)?$/i;

const NEWS_AGENCY = /\b(?:AFP|AP|Reuters|Getty|EPA|dpa|Sputnik|TASS|Anadolu|Xinhua|Bloomberg|ANSA|EFE|Lehtikuva|TT|NTB|Ritzau|Belga|Polaris|Zuma|Imago)\b/;

/** True when the line is a photo caption or a credit. */
export function isCaptionLine(line: string): boolean {
  if (line.length > 600) return false;
  // Credits are never sentences: a line ending with "." is prose (a caption ending in a credit has none).
  if (/[.!?"”]$/.test(line)) return false;
  const slash = SLASH_CREDIT.exec(line);
  // One slash alone is also a menu entry ("Home/Garden"): ask for two, or one next to a news agency.
  if (slash && ((slash[0].match(/\//g)?.length ?? 0) >= 2 || NEWS_AGENCY.test(slash[0]))) return true;
  return LABEL_CREDIT.test(line) || PHOTO_AGENCY.test(line);
}

/** A picture title: a few words without sentence punctuation, right before a caption line. */
export function isPictureTitle(line: string): boolean {
  return line.length <= 80 && line.split(/\s+/).length <= 8 && !/[.!?:;,]$/.test(line);
}
