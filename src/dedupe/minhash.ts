/**
 * MinHash signatures and LSH band keys: near-duplicate candidates come from an index of band keys
 * (kept in the store), never from a scan of every stored article.
 */

export interface MinHashOptions {
  /** Hash functions per signature; must equal `bands × rows`. */
  numHashes: number;
  bands: number;
  rows: number;
  /** Seed of the hash family: stored band keys are only comparable under the same seed. */
  seed: number;
}

/**
 * 32 bands of 2 rows: a pair with Jaccard 0.3 shares a band with probability ≈ 0.95, one with 0.05
 * with ≈ 0.08 — wire copies with a new intro (Jaccard 0.3–0.6) must still become candidates; the
 * exact check afterwards removes the false ones. Tuned on synthetic edits of ECB+ texts.
 */
export const DEFAULT_MINHASH_OPTIONS: MinHashOptions = { numHashes: 64, bands: 32, rows: 2, seed: 0x5eed };

/** Deterministic pseudo-random 32-bit values (mulberry32) for the hash family. */
function family(seed: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
}

/** A MinHash hasher for one set of options. */
export interface MinHasher {
  readonly options: MinHashOptions;
  signature(shingles: ArrayLike<number>): Uint32Array;
  /** One integer key per band (safe integers, fit an SQLite INTEGER). */
  bandKeys(signature: Uint32Array): number[];
}

/** Builds a MinHash hasher; throws on inconsistent options (a programming error). */
export function createMinHasher(options: Partial<MinHashOptions> = {}): MinHasher {
  const opts = { ...DEFAULT_MINHASH_OPTIONS, ...options };
  if (opts.bands * opts.rows !== opts.numHashes) throw new Error(`minhash: bands × rows (${opts.bands}×${opts.rows}) must equal numHashes (${opts.numHashes})`);
  const xors = family(opts.seed, opts.numHashes);
  const mults = family(opts.seed ^ 0x9e3779b9, opts.numHashes).map((m) => m | 1);
  return {
    options: opts,
    signature(shingles) {
      const sig = new Uint32Array(opts.numHashes);
      // Hash-major: the running minimum stays in a local, and the shingles are read in order.
      for (let i = 0; i < opts.numHashes; i++) {
        const xor = xors[i]!;
        const mult = mults[i]!;
        let min = 0xffffffff;
        for (let k = 0; k < shingles.length; k++) {
          let h = Math.imul(shingles[k]! ^ xor, mult);
          h ^= h >>> 16;
          h >>>= 0;
          if (h < min) min = h;
        }
        sig[i] = min;
      }
      return sig;
    },
    bandKeys(sig) {
      const keys: number[] = [];
      for (let b = 0; b < opts.bands; b++) {
        let h1 = 0x811c9dc5 ^ b;
        let h2 = 0x01000193 + b;
        for (let r = 0; r < opts.rows; r++) {
          const v = sig[b * opts.rows + r]!;
          h1 = Math.imul(h1 ^ v, 0x01000193);
          h2 = Math.imul(h2 ^ v, 0x5bd1e995) ^ (h2 >>> 13);
        }
        // 21 high bits + 32 low bits = 53 bits: a safe integer.
        keys.push((h1 >>> 11) * 2 ** 32 + (h2 >>> 0));
      }
      return keys;
    },
  };
}

/** Share of equal positions of two signatures: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}
