/**
 * Stored reports, one builder for the CLI, the API and the pages: `buildStorylineReport` explains the
 * storyline, `buildStoredReport` shapes it as served (the stored names of the storyline and its events)
 * and keeps it as JSON text with the storyline version it describes and the fingerprint of the code that
 * built it. `reportDocument` is the one serialisation `storyline story --json` prints and the API serves.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportEvent, StorylineReport } from '../model/index.js';
import type { Store, StoredReport } from '../store/index.js';
import { buildStorylineReport } from './report.js';

/**
 * A report as served: `title` is the storyline's stored title (what the listing shows) and each event
 * carries its stored `title`, so every view names a storyline or event the same way; the report's
 * `headline` is the latest wording, shown beside the title when it differs.
 */
export type ServedReport = Omit<StorylineReport, 'events'> & { title: string; events: (ReportEvent & { title: string })[] };

/** The folder of this code (`src/` run from source, `dist/` when built): what the fingerprint covers. */
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));

let fingerprint: string | null = null;

/**
 * A fingerprint of the code that builds reports: every file of the code's folder, hashed once per process.
 * Reason: a report stored by other code (an upgrade, or a developer's change to a stage) describes what
 * that code said, so it is stale even when the storyline is not.
 */
export function reportBuilder(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hash.update(`${entry.name}\0`).update(readFileSync(path));
    }
  };
  walk(CODE_ROOT);
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

/** Whether a stored report describes the storyline at `version` and was built by this code. */
export function isFresh(report: StoredReport, version: number): boolean {
  return report.version === version && report.builder === reportBuilder();
}

/** The served shape of a built report: stored names first (an untitled one is named by its headline). */
export function servedReport(built: StorylineReport): ServedReport {
  return { title: built.storylineTitle || built.headline, ...built, events: built.events.map((e) => ({ ...e, title: e.title || e.headline })) };
}

/**
 * Builds the report of a storyline (by its current id) as stored, or null when there is no such storyline. A worker
 * is given the `builder` of the thread that judges freshness, so the two never disagree about the code.
 */
export async function buildStoredReport(store: Store, storylineId: string, builder = reportBuilder()): Promise<StoredReport | null> {
  // The version is read before the articles: a write during the build leaves the report marked older than
  // what it read (built again later), never marked current while describing less.
  const version = await store.storylineVersion(storylineId);
  if (version === null) return null;
  const built = await buildStorylineReport(store, storylineId);
  if (!built) return null;
  return { storylineId, version, builder, builtAt: new Date().toISOString(), json: JSON.stringify(servedReport(built)) };
}

/**
 * The stored report of a storyline when it is fresh, else built now and stored (`storyline story`); null when
 * the storyline is unknown. `save` failing (a read-only database, another writer's lock) loses only the storing.
 */
export async function currentReport(store: Store, storylineId: string, onUnsaved: (err: Error) => void): Promise<StoredReport | null> {
  const version = await store.storylineVersion(storylineId);
  if (version === null) return null;
  const stored = await store.getReport(storylineId);
  if (stored && isFresh(stored, version)) return stored;
  const built = await buildStoredReport(store, storylineId);
  if (built) {
    try {
      await store.saveReport(built);
    } catch (err) {
      onUnsaved(err as Error);
    }
  }
  return built;
}

/**
 * The report as JSON text, as the API serves it and `storyline story --json` prints it: the current `id`
 * first, `mergedFrom` when the id asked for was merged into it, `stale` when the storyline changed since.
 * Spliced, not parsed again: a large report is megabytes of JSON.
 */
export function reportDocument(json: string, id: string, asked: string, stale = false): string {
  const head = JSON.stringify({ id, ...(asked !== id ? { mergedFrom: asked } : {}), ...(stale ? { stale: true } : {}) });
  return json === '{}' ? head : `${head.slice(0, -1)},${json.slice(1)}`;
}
