/**
 * Charset detection: BOM, then the page's own declaration (meta charset / http-equiv / XML
 * prolog), then strict UTF-8, then windows-1252 (what browsers assume for undeclared Western pages).
 * Node's TextDecoder (full ICU) handles the legacy encodings.
 */

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
  return new TextDecoder(declared && declared !== 'utf-8' ? declared : 'windows-1252').decode(bytes);
}

/** Decodes a plain-text file: BOM, strict UTF-8, else windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip));
  return tryStrictUtf8(bytes) ?? new TextDecoder('windows-1252').decode(bytes);
}
