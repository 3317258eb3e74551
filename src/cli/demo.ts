import { join, relative, resolve } from 'node:path';
import { isFailure } from '../model/index.js';
import { extractFile } from '../extract/index.js';
import { parseOptions, type Command } from './command.js';
import { expandPaths } from './files.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEMO_CORPUS = join(ROOT, 'demo', 'corpus');

const USAGE = `Usage: storyline demo [--corpus DIR]

Runs the pipeline over the demo corpus that ships with Storyline (demo/corpus: fictional
articles from fictional outlets) and prints what each stage found.

Options:
  --corpus DIR   another folder of articles instead of the demo corpus
  --help         this text`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the pipeline over the demo corpus and show what it found',
  usage: USAGE,
  async run(args) {
    const { values } = parseOptions(args, { corpus: { type: 'string' } });
    const corpus = values.corpus ?? DEMO_CORPUS;
    console.log(`Storyline demo — corpus: ${relative(process.cwd(), corpus) || '.'}\n`);
    console.log('1. Extract: clean text and metadata of each article');
    let count = 0;
    for await (const file of expandPaths([corpus])) {
      const a = await extractFile(file);
      const name = relative(corpus, file);
      if (isFailure(a)) {
        console.log(`   ${name}: error: ${a.error}`);
        continue;
      }
      count++;
      const date = a.published ? `${a.published} (${a.publishedFrom})` : 'no date';
      console.log(`   ${name}`);
      console.log(`      ${a.title ?? '(no title)'}`);
      console.log(`      ${a.outlet ?? 'unknown outlet'} · ${date} · ${a.language ?? '??'} · ${a.text.split(/\s+/).length} words · ${a.removed.length} removed · ${a.captions.length} captions`);
    }
    console.log(`\n${count} articles cleaned. Try: npx storyline extract ${relative(process.cwd(), join(corpus, '02-coastline-daily-bridge-closed.txt'))}`);
    return 0;
  },
};
