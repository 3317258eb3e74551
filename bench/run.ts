/**
 * `npm run bench [-- [--quick] [area...]]`: runs the benchmark modules (`bench/<area>.ts`, each
 * exporting `run(ctx)`) and rewrites their sections of BENCHMARKS.md. Naming areas runs only those
 * and leaves the other sections as they were.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, BenchSection } from './types.js';

/** Every benchmark area, in the order BENCHMARKS.md shows them. */
export const AREAS = ['extraction', 'pages', 'dates', 'plaintext', 'language', 'timex', 'timeline', 'clustering', 'compare', 'quotes', 'audit', 'ingest', 'server', 'feeds', 'watch'] as const;

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'BENCHMARKS.md');

function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Splits BENCHMARKS.md into its header and its `<!-- bench:area -->` sections. */
function parseSections(doc: string): { header: string; sections: Map<string, string> } {
  const sections = new Map<string, string>();
  const pattern = /<!-- bench:([\w-]+) -->\n([\s\S]*?)\n<!-- \/bench:\1 -->/g;
  const first = doc.search(/<!-- bench:/);
  const header = first >= 0 ? doc.slice(0, first) : doc;
  for (const m of doc.matchAll(pattern)) sections.set(m[1]!, m[2]!);
  return { header: header.trimEnd(), sections };
}

/** Rebuilds the document with its sections in the order of AREAS (unknown areas last). */
function renderSections(header: string, sections: Map<string, string>): string {
  const order = [...AREAS, ...[...sections.keys()].filter((k) => !(AREAS as readonly string[]).includes(k))];
  const blocks = order.filter((a) => sections.has(a)).map((a) => `<!-- bench:${a} -->\n${sections.get(a)!.trim()}\n<!-- /bench:${a} -->`);
  return `${header}\n\n${blocks.join('\n\n')}\n`;
}

const HEADER = `# Benchmarks

Produced by \`npm run bench\` (all areas) or \`npm run bench -- <area>\` (one section). Every figure
below is measured on the shared dev data in \`../shared\` (see its README for sources and metrics);
baselines run in the same process, on the same pages, in the same run.
`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((a) => !(AREAS as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown bench area(s): ${unknown.join(', ')}; known: ${AREAS.join(', ')}`);
  const areas = wanted.length ? wanted : [...AREAS];
  const shared = resolve(process.env.STORYLINE_SHARED ?? join(ROOT, '..', 'shared'));
  if (!existsSync(shared)) throw new Error(`../shared not found at ${shared}: the benchmarks need it`);
  const ctx: BenchContext = { shared, quick, postgres: args.includes('--postgres') };


  for (const area of areas) {
    if (!existsSync(join(import.meta.dirname, `${area}.ts`))) {
      console.error(`bench: ${area}: no bench/${area}.ts yet, skipped`);
      continue;
    }
    const mod = (await import(`./${area}.ts`)) as { run(ctx: BenchContext): Promise<BenchSection> };
    const started = Date.now();
    console.error(`bench: ${area} …`);
    const section = await mod.run(ctx);
    const stamp = `_Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; command: \`npm run bench -- ${area}\` (${((Date.now() - started) / 1000).toFixed(0)} s)._`;
    // Read the file again just before writing: other bench runs may have rewritten other sections meanwhile.
    const { sections } = parseSections(existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : HEADER);
    sections.set(area, `## ${section.title}\n\n${stamp}\n\n${section.markdown}`);
    writeFileSync(OUTPUT, renderSections(HEADER.trimEnd(), sections));
    console.error(`bench: ${area} done`);
  }
}

// Run only as a script, so that other modules may import AREAS.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
