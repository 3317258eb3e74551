/**
 * The LSH band-key postings of both stores (SQLite, PostgreSQL), kept in memory. On disk each article's band keys
 * are one row of an append-only table (`lsh_keys`); here they are a chained hash table over typed
 * arrays (20 bytes a key), filled from that table on first use and caught up before each lookup,
 * so rows written by another process are seen too.
 *
 * Why not an SQLite index: 32 keys per article land on 32 random pages of a B-tree that outgrows
 * the page cache; at 30,000 articles of the ingest bench the band inserts, the commits that wrote
 * those pages back and the 32 seeks per lookup cost 0.6 ms per article, and that grew with the store.
 */

/** Postings of band keys: which articles (by store sequence number) share a key. */
export interface BandIndex {
  /** Adds an article's band keys; `seq` must be larger than any added before. */
  add(seq: number, keys: ArrayLike<number>): void;
  /** Sequence numbers of the most recent articles holding `key`, newest first, at most `limit`. */
  matches(key: number, limit: number): number[];
  /** The largest sequence number added (0 when empty). */
  readonly lastSeq: number;
  /** Keys held. */
  readonly size: number;
}

const INITIAL_CAPACITY = 1 << 14;

/** The hash table's bucket of a 53-bit key: both halves mixed (the key is itself a hash, but its low bits come from one half only). */
function bucketOf(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 2 ** 32);
  return (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 0) & mask;
}

/**
 * Builds an empty band index.
 * @example
 *   const index = createBandIndex();
 *   index.add(7, [101, 202]);
 *   index.matches(202, 40); // → [7]
 */
export function createBandIndex(): BandIndex {
  let keys = new Float64Array(INITIAL_CAPACITY);
  let seqs = new Int32Array(INITIAL_CAPACITY);
  // Each entry links to the previous entry of its bucket: a chain runs newest first.
  let next = new Int32Array(INITIAL_CAPACITY);
  let heads = new Int32Array(INITIAL_CAPACITY).fill(-1);
  let mask = INITIAL_CAPACITY - 1;
  let size = 0;
  let lastSeq = 0;

  const link = (entry: number): void => {
    const b = bucketOf(keys[entry]!, mask);
    next[entry] = heads[b]!;
    heads[b] = entry;
  };

  /** Doubles the arrays and re-links every entry in insertion order, so chains stay newest first. */
  const grow = (): void => {
    const capacity = keys.length * 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const a = make(capacity);
      a.set(old);
      return a;
    };
    keys = grown(keys, (n) => new Float64Array(n));
    seqs = grown(seqs, (n) => new Int32Array(n));
    next = new Int32Array(capacity);
    heads = new Int32Array(capacity).fill(-1);
    mask = capacity - 1;
    for (let e = 0; e < size; e++) link(e);
  };

  return {
    add(seq, bandKeys) {
      for (let i = 0; i < bandKeys.length; i++) {
        if (size === keys.length) grow();
        keys[size] = bandKeys[i]!;
        seqs[size] = seq;
        link(size++);
      }
      if (seq > lastSeq) lastSeq = seq;
    },
    matches(key, limit) {
      const out: number[] = [];
      for (let e = heads[bucketOf(key, mask)]!; e !== -1 && out.length < limit; e = next[e]!) {
        // One article holds a key once, but a repeated key in its own bands must not count twice.
        if (keys[e] === key && out[out.length - 1] !== seqs[e]) out.push(seqs[e]!);
      }
      return out;
    },
    get lastSeq() {
      return lastSeq;
    },
    get size() {
      return size;
    },
  };
}

/** Band keys as stored in `lsh_keys.keys`: 8-byte floats (the keys are safe integers, so exact). */
export function encodeBandKeys(keys: readonly number[]): Buffer {
  return Buffer.from(Float64Array.from(keys).buffer);
}

/** Reads `lsh_keys.keys` back; a blob of the wrong length gives no keys rather than garbage. */
export function decodeBandKeys(blob: Uint8Array): Float64Array {
  if (blob.byteLength % 8 !== 0) return new Float64Array(0);
  // Copied: the driver's buffer may not be 8-byte aligned.
  return new Float64Array(Uint8Array.from(blob).buffer);
}
