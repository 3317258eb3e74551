/** Online clustering of articles into events and storylines. */
import { createClusterer } from './clusterer.js';
import type { StoryClustererOptions } from './options.js';
import type { StoryClusterer } from './types.js';

export type { Assignment, ClusterDoc, GroupMerge, GroupSplit, StoryClusterer } from './types.js';
export { DEFAULT_CLUSTER_OPTIONS, SHORT_TEXT_CLUSTER_OPTIONS, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, SHORT_TEXT_PAIRS_CLUSTER_OPTIONS, suggestClusterOptions, type PairWeights, type StoryClustererOptions } from './options.js';
export { createClusterer, type StoryClustererInternals } from './clusterer.js';
export { mentionedMonths } from './text.js';

/** Builds a clusterer, restoring `snapshot` (from `snapshot()`) when given. */
export function createStoryClusterer(options: Partial<StoryClustererOptions> = {}, snapshot?: string): StoryClusterer {
  return createClusterer(options, snapshot);
}
