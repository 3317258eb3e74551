// PLACEHOLDER — the clustering helper replaces this file (keep the exported signature).
import type { Assignment, ClusterDoc, StoryClusterer } from './types.js';
export type { Assignment, ClusterDoc, GroupMerge, StoryClusterer } from './types.js';

export interface StoryClustererOptions {}

/** Builds a clusterer, restoring `snapshot` when given. Placeholder: every article is its own event. */
export function createStoryClusterer(_options: Partial<StoryClustererOptions> = {}, snapshot?: string): StoryClusterer {
  const state: { n: number } = snapshot ? (JSON.parse(snapshot) as { n: number }) : { n: 0 };
  return {
    add(_doc: ClusterDoc): Assignment {
      state.n++;
      return { eventId: `e${state.n}`, storylineId: `s${state.n}`, newEvent: true, newStoryline: true, merges: [] };
    },
    resolve: (id) => id,
    snapshot: () => JSON.stringify(state),
  };
}
