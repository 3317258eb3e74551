/**
 * Charset detection: BOM, then UTF-16 by its NULs, then the page's own declaration (meta charset /
 * http-equiv / XML prolog), then strict UTF-8, then windows-1251 or KOI8-R when the bytes look
 * Cyrillic, else windows-1252 (what browsers assume for undeclared Western pages).
 * Node's TextDecoder (full ICU) handles the legacy encodings, except windows-1252's 0x80–0x9F:
 * Node 20 decodes them as C1 control characters (the ISO-8859-1 reading), so they are mapped here.
 */

/** windows-1252 bytes 0x80–0x9F (euro sign, curly quotes, dashes, …); 0 where the byte is unassigned. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes with TextDecoder; windows-1252 (which WHATWG also uses for ISO-8859-1 and ASCII labels) gets its real 0x80–0x9F. */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (new TextDecoder(encoding).encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]!;
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** The encoding a page declares in its first 4 KB, normalised to a label TextDecoder knows. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (!m) return null;
  return normaliseLabel(m[1]!);
}

function normaliseLabel(label: string): string | null {
  const l = label.toLowerCase();
  try {
    const encoding = new TextDecoder(l).encoding;
    // The HTML standard's prescan: a page that can be read for a declaration is no UTF-16 (real UTF-16
    // pages carry a BOM, or are found by their NULs), so a UTF-16 declaration means UTF-8.
    return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM, from its high bytes: in text of one alphabet the high byte of every
 * character is 0x00 (ASCII, Latin-1) or a small block number (0x04 for Cyrillic, 0x03 for Greek), at
 * odd positions (little-endian) or even ones (big-endian), and spaces make some of them NUL. A text
 * file in a byte encoding has no bytes that low; a binary file has them at both positions. Reads the first 8 KB.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  const low = [0, 0];
  const nul = [0, 0];
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b <= 0x05) low[i & 1]!++;
    if (b === 0) nul[i & 1]!++;
  }
  const pairs = n / 2;
  // 90 % of high bytes in the low blocks (a few other-script characters allowed), some of them NUL
  // (spaces), and almost no NUL among the low bytes (U+0100, U+0400 are rare letters).
  const utf16 = (high: number, other: number) => low[high]! >= pairs * 0.9 && nul[high]! >= pairs / 50 && nul[other]! <= pairs / 50;
  if (utf16(1, 0)) return 'utf-16le';
  if (utf16(0, 1)) return 'utf-16be';
  return null;
}

/**
 * A Cyrillic single-byte encoding for bytes that are not UTF-8 and declare nothing: windows-1251
 * or KOI8-R, or null for anything else. Russian, Ukrainian or Bulgarian text in either puts most of
 * its letters in 0xC0–0xFF, where Western text has only its accented letters (a few per cent).
 * Lower case, the bulk of running text, is 0xE0–0xFF in windows-1251 and 0xC0–0xDF in KOI8-R.
 */
export function sniffCyrillic(bytes: Uint8Array): 'windows-1251' | 'koi8-r' | null {
  let ascii = 0;
  let upperHalf = 0;
  let lowerHalf = 0;
  for (const b of bytes.subarray(0, 65536)) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else if (b >= 0xe0) upperHalf++;
    else if (b >= 0xc0) lowerHalf++;
  }
  const high = upperHalf + lowerHalf;
  // Half the letters: markup and Latin names in a Cyrillic page stay well below that; a French page's accents never reach it.
  if (high < 20 || high < ascii) return null;
  return upperHalf >= lowerHalf ? 'windows-1251' : 'koi8-r';
}

/** Decodes bytes in no declared encoding that are not UTF-8: Cyrillic when they look it, else windows-1252. */
function decodeUndeclared(bytes: Uint8Array): string {
  return decodeAs(sniffCyrillic(bytes) ?? 'windows-1252', bytes);
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes an HTML page's bytes to text. */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip));
  const utf16 = sniffUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  const declared = declaredEncoding(bytes);
  const utf8 = tryStrictUtf8(bytes);
  // Non-ASCII bytes that form valid UTF-8 are almost never another encoding by chance, while pages
  // that declare a legacy charset but are served as UTF-8 are common: valid UTF-8 wins.
  if (utf8 !== null && (!declared || declared === 'utf-8' || /[^\x00-\x7f]/.test(utf8))) return utf8;
  return declared && declared !== 'utf-8' ? decodeAs(declared, bytes) : decodeUndeclared(bytes);
}

/** Decodes a plain-text file: BOM, UTF-16 by its NULs, strict UTF-8, else Cyrillic or windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip));
  const utf16 = sniffUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  return tryStrictUtf8(bytes) ?? decodeUndeclared(bytes);
}
