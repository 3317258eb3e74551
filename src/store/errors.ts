/** Errors every store backend throws alike, so callers handle them without knowing the backend. */

/** What a write collided with: something stored already under a key that must be unique. */
export class StoreConflictError extends Error {
  constructor(
    /** What kind of record collided (`article`). */
    readonly record: string,
    /** The unique key it collided on (`id`, `canonicalUrl`). */
    readonly key: string,
    /** The key's value. */
    readonly value: string,
    options?: { cause?: unknown },
  ) {
    super(`store conflict: an ${record} with ${key} '${value}' is stored already`, options);
    this.name = 'StoreConflictError';
  }
}
