/** `npm run bench -- quotes`: quote recall, precision, speaker and exact-span accuracy on the hand-read gold. */
import type { BenchContext, BenchSection } from './types.js';
import { scoreQuotes } from './eval/quotes.js';

const pct = (x: number): string => (100 * x).toFixed(1);

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const s = scoreQuotes(ctx.shared);
  const markdown = `Gold: \`bench/audit/quotes.json\`, read by hand — the five seeds (\`../shared/seeds\`) and the eleven English
plain-text articles of the demo corpus (\`demo/corpus\`); ${s.gold} quotes in ${s.articles} articles, stored as offsets, speaker and
a one-line reason. A predicted quote matches the gold quote its span overlaps most. Speaker accuracy and exact span are
over matched quotes; exact span means the same offsets (edges trimmed of spaces, quotation marks and a final comma or
stop) and the same verbatim fragments. Scorer: \`bench/eval/quotes.ts\`.

| gold | predicted | recall % | precision % | speaker accuracy % | exact span % |
|---|---|---|---|---|---|
| ${s.gold} | ${s.predicted} | ${pct(s.recall)} | ${pct(s.precision)} | ${pct(s.speakerAccuracy)} | ${pct(s.exactSpan)} |

The rules were written while reading this same gold (there is no held-out quote set yet), so these are dev figures;
the invented examples in \`test/analyze/quotes.test.ts\` check each rule on text the gold does not hold.${s.errors.length ? `\n\nErrors:\n\n${s.errors.map((e) => `- ${e}`).join('\n')}` : ''}`;
  return { title: 'Quotes', markdown };
}
