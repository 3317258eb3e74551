/**
 * `storyline <command> [options]`: the command-line edge of the pipeline. Each command lives in
 * its own module and declares its usage; this file only dispatches.
 */
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { serveCommand } from './serve.js';
import { extractCommand } from './extract.js';
import { ingestCommand } from './ingest.js';
import { storiesCommand } from './stories.js';
import { storyCommand } from './story.js';
import { timexCommand } from './timex.js';
import { timelineCommand } from './timeline.js';
import { UsageError, type Command } from './command.js';

const COMMANDS: Command[] = [demoCommand, extractCommand, timexCommand, timelineCommand, ingestCommand, storiesCommand, storyCommand, exportCommand, serveCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: storyline <command> [options]',
    '',
    'Storyline turns a flood of scraped news articles into clean, grouped, compared storylines.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `storyline <command> --help` for the options of one command.',
  ].join('\n');
}

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`storyline: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`storyline ${name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    throw err;
  }
}
