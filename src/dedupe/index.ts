/** The dedupe stage: exact copies, near-duplicates and syndicated wire copies. */
export { createDuplicateDetector, DEFAULT_DEDUPE_OPTIONS, type DedupeCandidate, type DedupeOptions, type DedupeStore, type DuplicateDetector, type DuplicateMatch, type Fingerprint } from './detector.js';
export { createMinHasher, DEFAULT_MINHASH_OPTIONS, estimateJaccard, type MinHasher, type MinHashOptions } from './minhash.js';
export { contentHash, jaccard, normalizedWords, proseNumbers, runCoverage, shingleSet, wordHashes } from './text.js';
