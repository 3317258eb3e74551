import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSearchText } from '../../src/model/index.js';
import { ApiError, splitBody } from '../../src/server/index.js';
import { dateParam, enumParam, intParam, queryParam, textParam } from '../../src/server/params.js';

function refused(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof ApiError && e.status === 400 && pattern.test(e.message));
}

test('integer parameters: default when absent, 400 when not an integer or out of bounds', () => {
  assert.equal(intParam('limit', undefined, 20, 1, 100), 20);
  assert.equal(intParam('limit', '7', 20, 1, 100), 7);
  refused(() => intParam('limit', '7.5', 20, 1, 100), /limit must be an integer/);
  refused(() => intParam('limit', '1e3', 20, 1, 100), /limit must be an integer/);
  refused(() => intParam('offset', '-3', 0, 0, 10), /offset must be between 0 and 10/);
});

test('dates: partial ISO dates only', () => {
  assert.equal(dateParam('from', '2025'), '2025');
  assert.equal(dateParam('from', '2025-03-11'), '2025-03-11');
  assert.equal(dateParam('to', ''), null);
  refused(() => dateParam('from', '11/03/2025'), /from must be a date/);
  refused(() => dateParam('to', '2025-02-30x'), /to must be a date/);
});

test('enums, search words and text filters', () => {
  assert.equal(enumParam('sort', undefined, ['activity', 'articles'] as const, 'activity'), 'activity');
  refused(() => enumParam('sort', 'size', ['activity', 'articles'] as const, 'activity'), /sort must be one of activity, articles/);
  assert.equal(queryParam('  harbor bridge '), 'harbor bridge');
  refused(() => queryParam(undefined), /q .* is required/);
  assert.equal(textParam('outlet', '  '), null);
  refused(() => textParam('entity', 'x'.repeat(201)), /entity must be at most 200/);
});

test('a POST body: one object, an array, or JSON lines (a pretty-printed object is one item)', () => {
  assert.deepEqual(splitBody('{\n  "id": "a",\n  "text": "x"\n}'), ['{"id":"a","text":"x"}']);
  assert.deepEqual(splitBody('[{"id":"a"},{"id":"b"}]'), ['{"id":"a"}', '{"id":"b"}']);
  assert.deepEqual(splitBody('{"id":"a"}\r\n\n{"id":"b"}\n'), ['{"id":"a"}', '{"id":"b"}']);
  assert.deepEqual(splitBody('\uFEFF  \n'), []);
});

test('the typed search grammar: words all required, quoted phrases, no operator survives', () => {
  assert.deepEqual(parseSearchText('Idris Vell'), { words: ['Idris', 'Vell'], phrases: [] });
  assert.deepEqual(parseSearchText('"harbour bridge" OR NEAR(x*'), { words: ['OR', 'NEAR', 'x'], phrases: ['harbour bridge'] });
  // An unclosed quote quotes nothing; a quoted single word is a word.
  assert.deepEqual(parseSearchText('bridge "crack'), { words: ['bridge', 'crack'], phrases: [] });
  assert.deepEqual(parseSearchText('"Vell" *()'), { words: ['Vell'], phrases: [] });
});
