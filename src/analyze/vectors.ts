/** Sparse term vectors, shared by the stages that compare texts (clustering, source comparison). */

/** A sparse vector: term → weight. */
export type SparseVector = Map<string, number>;

/** Dot product (the cosine, for unit vectors); iterates over the smaller vector. */
export function dot(a: SparseVector, b: SparseVector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}
