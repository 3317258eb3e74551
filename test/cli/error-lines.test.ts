import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createErrorLinePrinter } from '../../src/cli/error-lines.js';

describe('createErrorLinePrinter', () => {
  it('prints the first lines of a repeated error, then one line counting the rest, per file and code', () => {
    const printed: string[] = [];
    const lines = createErrorLinePrinter((l) => printed.push(l), 3);
    for (let n = 1; n <= 2000; n++) lines.report({ source: 'dump.jsonl', position: `line ${n}`, code: 'no-content', message: 'neither text nor html' });
    lines.report({ source: 'dump.jsonl', position: 'line 2001', code: 'bad-json', message: 'malformed JSON' });
    lines.report({ source: 'other.jsonl', position: 'line 4', code: 'no-content', message: 'neither text nor html' });
    lines.flush();
    assert.deepEqual(printed, [
      'dump.jsonl (line 1): neither text nor html',
      'dump.jsonl (line 2): neither text nor html',
      'dump.jsonl (line 3): neither text nor html',
      'dump.jsonl (line 2001): malformed JSON',
      'dump.jsonl: … and 1,997 more lines with the same error (no-content)',
      'other.jsonl (line 4): neither text nor html',
    ]);
  });

  it('adds no summary when nothing was held back', () => {
    const printed: string[] = [];
    const lines = createErrorLinePrinter((l) => printed.push(l), 3);
    lines.report({ source: 'feed.xml', position: null, code: 'bad-xml', message: 'not well-formed' });
    lines.flush();
    lines.flush();
    assert.deepEqual(printed, ['feed.xml: not well-formed']);
  });
});
