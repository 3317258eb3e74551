/**
 * Charset detection for XML documents (feeds, OPML), as the XML specification's Appendix F has it: a
 * byte order mark, else the byte pattern of `<?xml` in UTF-32 or UTF-16 (which needs no mark), else the
 * ASCII-compatible rules of HTML pages (declared encoding, strict UTF-8, windows-1252).
 */
import { decodeHtml } from './charset.js';

type Wide = 'utf-32be' | 'utf-32le' | 'utf-16be' | 'utf-16le';

/** [encoding, bytes of its mark or 0] from the first four bytes, or null for ASCII-compatible input. */
function wideEncoding(b: Uint8Array): [Wide, number] | null {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  // UTF-32 first: its little-endian mark starts with UTF-16's.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return ['utf-32be', 4];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return ['utf-32le', 4];
  if (b0 === 0xfe && b1 === 0xff) return ['utf-16be', 2];
  if (b0 === 0xff && b1 === 0xfe) return ['utf-16le', 2];
  // No mark: "<" (and "?") written in the wide encoding.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return ['utf-32be', 0];
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return ['utf-32le', 0];
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && (b3 === 0x3f || b3 === 0x21 || (b3 !== undefined && b3 >= 0x41))) return ['utf-16be', 0];
  if (b0 === 0x3c && b1 === 0x00 && (b2 === 0x3f || b2 === 0x21 || (b2 !== undefined && b2 >= 0x41)) && b3 === 0x00) return ['utf-16le', 0];
  return null;
}

/** UTF-32 by hand (TextDecoder has no UTF-32); invalid code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, !bigEndian);
    parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return parts.join('');
}

/** Decodes an XML document's bytes to text. */
export function decodeXml(bytes: Uint8Array): string {
  const wide = wideEncoding(bytes);
  if (!wide) return decodeHtml(bytes);
  const [encoding, skip] = wide;
  const body = bytes.subarray(skip);
  if (encoding === 'utf-32be' || encoding === 'utf-32le') return decodeUtf32(body, encoding === 'utf-32be');
  return new TextDecoder(encoding).decode(body);
}
