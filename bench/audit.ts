/**
 * `npm run bench -- audit`: are reports true to their sources? Every fact, conflict, update,
 * single-source claim, development and timeline entry of the reports on the seeds and on the demo
 * corpus is judged against hand-checked gold (bench/audit/*.json), and ten ECB+ dev storylines are
 * judged by ECB+'s own event coreference. Items are located by raw-file offsets and anchor ids: no
 * article text is written here.
 */
import type { BenchContext, BenchSection } from './types.js';
import { AUDIT_KINDS, type AuditResult, type KindScore } from './eval/audit.js';
import { measureAudit } from './eval/audit-reports.js';
import { BOILERPLATE_CHECKS } from './eval/audit-ecb.js';

const figure = (x: number | null): string => (x === null ? '–' : x.toFixed(2));

function kindRow(kind: string, s: KindScore): string {
  if (kind === 'boilerplate') return `| boilerplate citations (goal 0) | – | **${s.wrong}** | – | – | – |`;
  return `| ${kind} | ${s.right} | ${s.wrong} | ${s.unjudged} | **${figure(s.precision)}** | ${figure(s.recall)} (${s.found}/${s.recallOf}) |`;
}

function corpusSection(r: AuditResult): string {
  const table = ['| Kind | Right | Wrong | Unjudged | Precision (over judged) | Recall (gold items an editor lists) |', '|---|---|---|---|---|---|'];
  for (const kind of AUDIT_KINDS) table.push(kindRow(kind, r.kinds[kind]));
  const wrong = r.items.filter((i) => i.verdict === 'wrong').map((i) => `- ${i.kind}: ${i.reason} — ${i.where.join(' · ')}`);
  const unjudged = r.items.filter((i) => i.verdict === 'unjudged').map((i) => `- ${i.kind}: ${i.where.join(' · ')}`);
  const missed = AUDIT_KINDS.flatMap((k) => r.kinds[k].missed.map((m) => `- ${k}: ${m}`));
  return `### ${r.corpus} (${r.reports} storyline${r.reports === 1 ? '' : 's'})

${table.join('\n')}

Wrong items (${wrong.length}; places are \`file@start-end\` of the raw file, with the gold anchors they hit):

${wrong.join('\n') || '- none'}

Missed (gold items no report got right):

${missed.join('\n') || '- none'}

Unjudged items (${unjudged.length}: the gold says nothing about them; extend bench/audit/${r.corpus}.json):

${unjudged.join('\n') || '- none'}
${r.unlocated.length ? `\nCitations not found in their raw file: ${r.unlocated.join(', ')}\n` : ''}`;
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const { results, ecb } = await measureAudit(ctx.shared);
  const ecbTable = [
    '| Check | Right | Wrong | Unjudged | Precision | Recall |',
    '|---|---|---|---|---|---|',
    `| facts: cited sentences share one event chain | ${ecb.facts.right} | ${ecb.facts.wrong} | ${ecb.facts.unjudged} | **${figure(ecb.facts.precision)}** | – |`,
    `| fact citation pairs (different articles) | ${ecb.pairs.right} | ${ecb.pairs.predicted - ecb.pairs.right} | – | **${figure(ecb.pairs.precision)}** | ${figure(ecb.pairs.recall)} (of ${ecb.pairs.gold} gold pairs) |`,
    `| conflicts: both sides in one event chain | ${ecb.conflicts.right} | ${ecb.conflicts.wrong} | ${ecb.conflicts.unjudged} | **${figure(ecb.conflicts.precision)}** | – |`,
    `| boilerplate citations (goal 0) | – | **${ecb.boilerplate.length}** of ${ecb.citations} | – | – | – |`,
  ];
  const markdown = `How true reports are to their sources, kind by kind. A report is built in-process as \`storyline ingest DIR\` + \`storyline story ID --json\` build it; each cited sentence is found again in its raw file by its words and mapped to the anchors of hand-checked gold written by careful reading of the articles (\`bench/audit/seeds.json\`, \`bench/audit/demo.json\`; format and rules in \`bench/audit/README.md\`). A fact is right when all its sentences lie in one gold fact group and its shown text states no more than the group (partial supporters allowed); wrong when it pairs sentences listed as not the same, sentences of different groups, one source (or a wire copy of it) only, or boilerplate. A conflict is right when it is a gold contradiction (an update shown as a conflict is wrong), an update when it is a gold update. A development is right when status and event date match the gold arc (statuses no article supports, e.g. a rescheduling, are wrong). A timeline entry is right when its date is the date of the happening its sentence describes (coarser is allowed; the date of a planned event an announcement mentions is not the announcement's). Items the gold does not cover are "unjudged" and listed; precision is over judged items. Quotes are audited elsewhere (\`bench/audit/quotes.json\`); here they are only checked for boilerplate.

${results.map(corpusSection).join('\n')}
### ECB+ dev, ten storylines (judged by ECB+'s own annotation)

Storylines chosen by a fixed rule: per topic its larger story (ECB or ECB+ half), then the ten largest (${ecb.stories.map((s) => `${s.id}: ${s.articles} articles`).join(', ')}). A fact or conflict is judged when it cites at least two sentences of different articles whose annotation is complete (\`coreference_sentences.csv\`); a pair is right when the two sentences share a cross-document event coreference chain. Boilerplate checks: ${BOILERPLATE_CHECKS.map((b) => b.name).join(', ')}.

${ecbTable.join('\n')}
${ecb.boilerplate.length ? `\nBoilerplate cited: ${ecb.boilerplate.map((b) => `${b.check} (${b.story}, ${b.where})`).join('; ')}\n` : ''}`;
  return { title: 'Audit: are reports true to their sources?', markdown };
}
