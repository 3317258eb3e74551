import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLines, runCli } from '../helpers/cli.js';

/** Runs `storyline timex …` with the given stdin. */
async function timex(input: string, ...args: string[]) {
  const r = await runCli(['timex', ...args], input);
  return { ...r, lines: jsonLines(r.stdout) };
}

test('timex --json: one line per input line, relative dates resolved against published', async () => {
  const input = [
    JSON.stringify({ id: 'a1', text: 'The port authority said on Monday that dredging will start next month.', published: '2024-02-07' }),
    JSON.stringify({ id: 'a2', text: 'The ferry was sold in September.', published: null }),
  ].join('\n');
  const r = await timex(input, '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines.length, 2);
  assert.equal(r.lines[0]!.id, 'a1');
  assert.deepEqual((r.lines[0]!.timexes as Array<{ value: string }>).map((t) => t.value), ['2024-02-05', '2024-03']);
  assert.deepEqual((r.lines[1]!.timexes as Array<{ value: string }>).map((t) => t.value), ['XXXX-09']);
});

test('timex --json: a malformed line gets an error and the rest goes on', async () => {
  const input = ['{"id": "ok1", "text": "Rain fell yesterday.", "published": "2024-05-02"}', '{not json', '{"id": "no-text"}', '{"id": "ok2", "text": "In 2019.", "published": null}'].join('\n');
  const r = await timex(input, '--json');
  assert.equal(r.code, 1);
  assert.equal(r.lines.length, 4);
  assert.equal(r.lines[1]!.line, 2);
  assert.match(String(r.lines[1]!.error), /not JSON/);
  assert.equal(r.lines[2]!.line, 3);
  assert.equal(r.lines[3]!.id, 'ok2');
});

test('timex --infer adds an inferred date for undated lines', async () => {
  const input = JSON.stringify({ id: 'u', text: 'On May 14, the mill announced its closure. It was bought in November 2023.', published: null });
  const r = await timex(input, '--json', '--infer');
  assert.equal((r.lines[0]!.inferred as { date: string }).date, '2024-05-14');
});

test('timex --help prints usage; missing --json is a usage error', async () => {
  const help = await runCli(['timex', '--help']);
  assert.match(help.stdout, /Usage: storyline timex/);
  assert.equal((await timex('', 'x')).code, 2);
});

test('timex --json: an unreadable published date is reported and treated as missing', async () => {
  const input = JSON.stringify({ id: 'eu', text: 'The depot reopened on Monday. It had been shut since March 2024.', published: '31/12/2024' });
  const r = await timex(input, '--json', '--infer');
  assert.equal(r.code, 0, r.stderr);
  assert.match(String(r.lines[0]!.warning), /published.*31\/12\/2024.*treated as missing/);
  // Without a date, "Monday" stays unanchored instead of resolving against a misread one.
  assert.deepEqual((r.lines[0]!.timexes as Array<{ value: string }>).map((t) => t.value), ['XXXX-WXX-1', '2024-03']);
  assert.ok('inferred' in r.lines[0]!);
});
