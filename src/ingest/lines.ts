/**
 * Splitting a byte stream into lines without ever holding more than one capped line: a line longer
 * than the cap is dropped as it streams in and reported by number (reason: one giant line — a gzip
 * bomb of a single line — used to be built whole in memory and kill the process).
 */

/** One line (UTF-8 decoded, without its line break) or the number and size of a line over the cap. */
export type CappedLine = { n: number; line: string } | { n: number; tooLongBytes: number };

/** Lines of `input` (split at `\n`, a trailing `\r` removed), each at most `maxBytes` long. */
export async function* cappedLines(input: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<CappedLine> {
  let parts: Uint8Array[] = [];
  let bytes = 0;
  let n = 0;
  let started = false;
  const take = (piece: Uint8Array): void => {
    started = true;
    bytes += piece.length;
    if (bytes <= maxBytes) parts.push(piece);
    else parts = [];
  };
  const finish = (): CappedLine => {
    n++;
    const done: CappedLine = bytes > maxBytes ? { n, tooLongBytes: bytes } : { n, line: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    bytes = 0;
    started = false;
    return done;
  };
  for await (const chunk of input) {
    let pos = 0;
    for (;;) {
      const end = chunk.indexOf(10, pos);
      if (end < 0) {
        if (pos < chunk.length) take(chunk.subarray(pos));
        break;
      }
      take(chunk.subarray(pos, end));
      yield finish();
      pos = end + 1;
    }
  }
  if (started && bytes > 0) yield finish();
}
