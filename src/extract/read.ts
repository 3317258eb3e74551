/**
 * Reading an input file safely: size limits, gzip, binary detection and charset decoding.
 * Bad input never throws: it comes back as an `ExtractFailure` with a code and a reason.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { ExtractFailure, RawDocument } from '../model/index.js';
import { decodeHtml, decodeText, sniffUtf16 } from './charset.js';

export interface ReadOptions {
  /** Largest input file accepted, compressed or not. */
  maxBytes: number;
  /** Largest decompressed size of a .gz file (a gzip bomb stops here). */
  maxInflatedBytes: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  // A news page above 20 MB is not an article; reading it would only cost memory.
  maxBytes: 20 * 2 ** 20,
  maxInflatedBytes: 50 * 2 ** 20,
};

const HTML_EXT = /\.(html?|xhtml)$/i;
const TEXT_EXT = /\.(txt|text|md)$/i;

function failure(file: string, code: string, error: string): ExtractFailure {
  return { file, code, error };
}

/** Share of bytes that no text file contains (NUL and most C0 controls). */
function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  return n ? bad / n : 0;
}

/** Which kind of document the bytes are, from the name first and the content second. */
export function sniffKind(name: string, head: string): 'html' | 'text' {
  if (HTML_EXT.test(name)) return 'html';
  if (TEXT_EXT.test(name)) return 'text';
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(head) ? 'html' : 'text';
}

/** Turns bytes into a raw document, or a failure explaining why they are not one. */
export function bytesToDocument(file: string, input: Uint8Array, options: ReadOptions = DEFAULT_READ_OPTIONS): RawDocument | ExtractFailure {
  let bytes = input;
  let name = file;
  if (/\.gz$/i.test(name) || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: options.maxInflatedBytes });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(String(err))) {
        return failure(file, 'too-large', `decompressed size exceeds ${options.maxInflatedBytes} bytes`);
      }
      return failure(file, 'bad-gzip', `not a readable gzip file (${(err as Error).message})`);
    }
    name = name.replace(/\.gz$/i, '');
  }
  if (bytes.length === 0) return failure(file, 'empty', 'the file is empty');
  // UTF-16 has NULs in every other byte: text, not binary (decoded by its byte order below).
  const utf16 = sniffUtf16(bytes);
  if (!utf16 && binaryShare(bytes) > 0.01) return failure(file, 'binary', 'binary data, not text or HTML');
  const head = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(0, 2048)) : Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const kind = sniffKind(name, head);
  const content = kind === 'html' ? decodeHtml(bytes) : decodeText(bytes);
  if (content.trim() === '') return failure(file, 'empty', 'the file holds only white space');
  return { source: file, kind, content };
}

/**
 * Opens a file for reading only if it is a regular file. O_NONBLOCK keeps the open itself from
 * waiting on a FIFO with no writer (reason: `mkfifo x.txt` or `/dev/zero` named `.jsonl` used to
 * block or never end); the type is checked on the opened handle, so a swap after a stat cannot slip
 * a device in. Regular files ignore O_NONBLOCK.
 */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; size: number } | ExtractFailure> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return failure(file, 'unreadable', 'is a directory');
    return failure(file, 'unreadable', `cannot read: ${code ?? (err as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (info.isFile()) return { handle, size: info.size };
    await handle.close();
    const what = info.isDirectory() ? 'a directory' : info.isFIFO() ? 'a named pipe (FIFO)' : info.isCharacterDevice() ? 'a character device' : info.isSocket() ? 'a socket' : 'not a regular file';
    return failure(file, 'not-a-file', `is ${what}: only regular files are read`);
  } catch (err) {
    await handle.close();
    return failure(file, 'unreadable', `cannot read: ${(err as Error).message}`);
  }
}

/** Reads one file from disk into a raw document, refusing what is too large before reading it. */
export async function readDocument(file: string, options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<RawDocument | ExtractFailure> {
  const opened = await openRegularFile(file);
  if ('code' in opened) return opened;
  const { handle, size } = opened;
  try {
    if (size > options.maxBytes) return failure(file, 'too-large', `${size} bytes exceeds the limit of ${options.maxBytes} bytes`);
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return bytesToDocument(file, bytes.subarray(0, offset), options);
  } catch (err) {
    return failure(file, 'unreadable', `cannot read: ${(err as Error).message}`);
  } finally {
    await handle.close();
  }
}
