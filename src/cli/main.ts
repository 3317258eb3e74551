/**
 * `storyline <command> [options]`: the command-line edge of the pipeline. Each command lives in
 * its own module and declares its usage; this file only dispatches.
 */
import { CommandFailure, linePrinter, processIo, UsageError, type CliIo, type Command } from './command.js';
import { packageVersion } from './version.js';

/**
 * Every command with its one-line summary; a command's module (and the stages it pulls in, such
 * as the language model) loads only when that command runs, so `--help` answers at once.
 */
const COMMANDS: { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: 'demo', summary: 'ingest the demo corpus, print its storylines and serve them (npm start)', load: async () => (await import('./demo.js')).demoCommand },
  { name: 'extract', summary: 'clean scraped articles (text or HTML) into body text and metadata', load: async () => (await import('./extract.js')).extractCommand },
  { name: 'ingest', summary: 'store articles, find duplicates, group them into events and storylines (--profile news|headlines)', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'stories', summary: 'list storylines, most recently active first', load: async () => (await import('./stories.js')).storiesCommand },
  { name: 'story', summary: 'explain one storyline: facts, conflicts, quotes, framing, timeline, summary', load: async () => (await import('./story.js')).storyCommand },
  { name: 'export', summary: 'write every article with its event, storyline and duplicate link as JSON lines', load: async () => (await import('./export.js')).exportCommand },
  { name: 'timeline', summary: 'build a dated timeline (budgeted: N dates, K sentences each) from article files', load: async () => (await import('./timeline.js')).timelineCommand },
  { name: 'timex', summary: 'find and normalise time expressions (TIMEX3) in JSON lines of articles', load: async () => (await import('./timex.js')).timexCommand },
  { name: 'subscribe', summary: 'follow feeds by URL or from an OPML list (--every 15m fixes how often)', load: async () => (await import('./subscribe.js')).subscribeCommand },
  { name: 'unsubscribe', summary: 'stop following feeds (their articles stay)', load: async () => (await import('./subscribe.js')).unsubscribeCommand },
  { name: 'subscriptions', summary: 'list the followed feeds with their health (--opml exports them)', load: async () => (await import('./subscriptions.js')).subscriptionsCommand },
  { name: 'enable', summary: 'poll again feeds that were disabled after repeated failures', load: async () => (await import('./subscribe.js')).enableCommand },
  { name: 'watch', summary: 'poll the followed feeds on their own schedules and store new articles', load: async () => (await import('./watch.js')).watchCommand },
  { name: 'serve', summary: 'serve web pages, a JSON API and Atom feeds of the storylines', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'migrate', summary: 'copy an SQLite database into an empty PostgreSQL database (--from FILE.db --to postgres://…)', load: async () => (await import('./migrate.js')).migrateCommand },
];

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
    'Run `storyline <command> --help` for the options of one command;',
    '`storyline --version` prints the version.',
    '',
    'Exit status: 0 on success, 1 when a command fails (a bad input, a port in use, a missing',
    'database), 2 on wrong usage.',
  ].join('\n');
}

/** Runs the CLI and resolves to the process exit code; `io` defaults to the process's streams. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const log = linePrinter(io.stdout);
  const warn = linePrinter(io.stderr);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    log(usage());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    log(packageVersion());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    warn(`storyline: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      warn(`storyline ${name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    if (err instanceof CommandFailure) {
      warn(`storyline ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
