/**
 * Reports built in-process the way `storyline ingest DIR` then `storyline story ID --json` build
 * them: a fresh store in a temporary folder, the folder ingested (profile chosen as the CLI does),
 * dates refined, one report per storyline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseProfile, createIngester, readInputs, statelessSourceContext } from '../../src/ingest/index.js';
import type { StorylineReport } from '../../src/model/index.js';
import { refineStoredDates } from '../../src/pipeline/refine-dates.js';
import { buildStorylineReport } from '../../src/pipeline/report.js';
import { openSqliteStore } from '../../src/store/index.js';
import { AUDIT_KINDS, auditReports, RawFiles, readGold, type AuditGold, type AuditResult } from './audit.js';
import { evaluateEcbAudit, type EcbAuditResult } from './audit-ecb.js';

export async function reportsOfFolder(dir: string): Promise<StorylineReport[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'storyline-audit-'));
  const store = openSqliteStore(join(tmp, 'audit.db'));
  try {
    const chosen = await chooseProfile(store, 'auto', readInputs([dir], statelessSourceContext()));
    const ingester = await createIngester(store, { profile: chosen.profile });
    for await (const item of chosen.items) await ingester.ingest(item);
    await ingester.finish();
    await refineStoredDates(store, ingester.looselyDated);
    const reports: StorylineReport[] = [];
    for (const line of (await store.listStorylines()).items) {
      const report = await buildStorylineReport(store, line.id);
      if (report) reports.push({ id: line.id, ...report });
    }
    return reports;
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The gold files of bench/audit, in the order BENCHMARKS.md shows them. */
export const AUDIT_CORPORA = ['seeds', 'demo'] as const;

const PROJECT = join(import.meta.dirname, '..', '..');

/** Where a gold's raw files are: under ../shared or the project. */
export function auditRoot(gold: AuditGold, shared: string): string {
  if (gold.root.shared) return join(shared, gold.root.shared);
  if (gold.root.project) return join(PROJECT, gold.root.project);
  throw new Error(`audit gold ${gold.corpus}: no root`);
}

/** Builds the reports of every audited corpus and scores them against their gold. */
export async function auditCorpora(shared: string): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  for (const corpus of AUDIT_CORPORA) {
    const gold = readGold(join(PROJECT, 'bench', 'audit', `${corpus}.json`));
    const dir = auditRoot(gold, shared);
    results.push(auditReports(gold, await reportsOfFolder(dir), new RawFiles(dir)));
  }
  return results;
}

/**
 * Every audit figure under the name its floor has in bench/floors/audit.json: per corpus and kind
 * precision and recall (when anything was judged or listed), and `…_boilerplate_free_share`: the
 * share of the reports' citations that cite no boilerplate (goal 1).
 */
export async function measureAudit(shared: string): Promise<{ results: AuditResult[]; ecb: EcbAuditResult; figures: Record<string, number> }> {
  const results = await auditCorpora(shared);
  const ecb = evaluateEcbAudit(shared);
  const figures: Record<string, number> = {};
  for (const r of results) {
    for (const kind of AUDIT_KINDS) {
      const s = r.kinds[kind];
      if (kind === 'boilerplate') figures[`${r.corpus}_boilerplate_free_share`] = r.citations ? 1 - s.wrong / r.citations : 1;
      else {
        if (s.precision !== null) figures[`${r.corpus}_${kind}_precision`] = s.precision;
        if (s.recall !== null) figures[`${r.corpus}_${kind}_recall`] = s.recall;
      }
    }
  }
  if (ecb.facts.precision !== null) figures.ecbplus_dev_fact_precision = ecb.facts.precision;
  if (ecb.pairs.precision !== null) figures.ecbplus_dev_fact_pair_precision = ecb.pairs.precision;
  if (ecb.pairs.recall !== null) figures.ecbplus_dev_fact_pair_recall = ecb.pairs.recall;
  if (ecb.conflicts.precision !== null) figures.ecbplus_dev_conflict_precision = ecb.conflicts.precision;
  figures.ecbplus_dev_boilerplate_free_share = ecb.citations ? 1 - ecb.boilerplate.length / ecb.citations : 1;
  return { results, ecb, figures };
}
