/**
 * Charset detection: BOM, then the page's own declaration (meta charset / http-equiv / XML
 * prolog), then strict UTF-8, then windows-1252 (what browsers assume for undeclared Western pages).
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
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
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
  const declared = declaredEncoding(bytes);
  const utf8 = tryStrictUtf8(bytes);
  // Non-ASCII bytes that form valid UTF-8 are almost never another encoding by chance, while pages
  // that declare a legacy charset but are served as UTF-8 are common: valid UTF-8 wins.
  if (utf8 !== null && (!declared || declared === 'utf-8' || /[^\x00-\x7f]/.test(utf8))) return utf8;
  return decodeAs(declared && declared !== 'utf-8' ? declared : 'windows-1252', bytes);
}

/** Decodes a plain-text file: BOM, strict UTF-8, else windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip));
  return tryStrictUtf8(bytes) ?? decodeAs('windows-1252', bytes);
}
