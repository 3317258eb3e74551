import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDate, parseJsonLine, unreadDateField, unreadDateFieldWarning } from '../../src/ingest/index.js';
import { noContentMessage } from '../../src/ingest/jsonl.js';

describe('parseJsonLine', () => {
  it('reads the known fields as hints and keeps the others in extra', () => {
    const r = parseJsonLine(JSON.stringify({ id: 17, url: 'https://herald.example/tram', title: 'Tram line extended', text: 'The council voted.', published: '2025-10-10', outlet: 'Brannock Herald', section: 'city', wordCount: 4 }), 'in.jsonl:1', 1e6);
    assert.ok(r.ok);
    assert.equal(r.id, '17');
    assert.equal(r.raw.kind, 'text');
    assert.deepEqual(r.raw.hints, { url: 'https://herald.example/tram', title: 'Tram line extended', published: '2025-10-10', outlet: 'Brannock Herald' });
    assert.deepEqual(r.extra, { section: 'city', wordCount: 4 });
  });

  it('prefers html when given', () => {
    const r = parseJsonLine('{"html": "<p>Body</p>", "text": "Body"}', 'x', 1e6);
    assert.ok(r.ok);
    assert.equal(r.raw.kind, 'html');
  });

  it('rejects malformed JSON, non-objects, lines without content and oversized lines with a code', () => {
    const code = (line: string, max = 1e6) => {
      const r = parseJsonLine(line, 'x', max);
      return r.ok ? 'ok' : r.code;
    };
    assert.equal(code('{"id": 1,'), 'bad-json');
    assert.equal(code('[1, 2]'), 'bad-json');
    assert.equal(code('{"id": "a", "text": "   "}'), 'no-content');
    assert.equal(code(JSON.stringify({ text: 'x'.repeat(100) }), 50), 'too-large');
  });

  it('normalises a readable date and keeps an unreadable one in extra', () => {
    const r = parseJsonLine(JSON.stringify({ text: 'Body text.', published: 'last Tuesday' }), 'x', 1e6);
    assert.ok(r.ok);
    assert.equal(r.raw.hints?.published, undefined);
    assert.deepEqual(r.extra, { publishedRaw: 'last Tuesday' });
    assert.equal(normaliseDate('2025-10-10T08:00:00Z'), '2025-10-10T08:00:00Z');
    assert.equal(normaliseDate('Fri, 10 Oct 2025 08:00:00 GMT'), '2025-10-10T08:00:00.000Z');
    assert.equal(normaliseDate('2025-10'), '2025-10');
  });
});

describe('publication date fields', () => {
  const parse = (o: Record<string, unknown>) => {
    const r = parseJsonLine(JSON.stringify({ text: 'Ferries resume on Friday.', ...o }), 'x', 1e6);
    assert.ok(r.ok);
    return r;
  };

  it('reads the common names of the publication date, and epoch seconds', () => {
    assert.equal(parse({ pub_date: '2011-01-25' }).raw.hints?.published, '2011-01-25');
    assert.equal(parse({ datePublished: '2024-05-01T09:30:00Z' }).raw.hints?.published, '2024-05-01T09:30:00Z');
    assert.equal(parse({ published_at: 'Wed, 01 May 2024 09:30:00 GMT' }).raw.hints?.published, '2024-05-01T09:30:00.000Z');
    assert.equal(parse({ created_at: 1714555800 }).raw.hints?.published, '2024-05-01T09:30:00.000Z');
    assert.equal(parse({ dct: '1998-02-27' }).raw.hints?.published, '1998-02-27');
  });

  it('reads `published` first and keeps the other date fields in extra', () => {
    const r = parse({ published: '2024-05-01', date: '2024-04-30', updated_at: '2024-05-02' });
    assert.equal(r.raw.hints?.published, '2024-05-01');
    assert.deepEqual(r.extra, { date: '2024-04-30', updated_at: '2024-05-02' });
    assert.equal(unreadDateField(r.raw, r.extra), null, 'a dated line has nothing to warn about');
  });

  it('names a date-like field it does not read on an undated line', () => {
    const r = parse({ dateline_ts: 'May 1st', section: 'city' });
    assert.equal(r.raw.hints?.published, undefined);
    assert.equal(unreadDateField(r.raw, r.extra), 'dateline_ts');
    assert.match(unreadDateFieldWarning('dateline_ts'), /'dateline_ts' looks like a date but is not read: .*pub_date/);
    assert.equal(unreadDateField(parse({ section: 'city' }).raw, { section: 'city' }), null);
  });
});

describe('noContentMessage', () => {
  it('names the fields a line of another schema has, and what is expected', () => {
    // A dump written for another tool: capitalised id, body under its own name.
    const r = parseJsonLine(JSON.stringify({ Id: 'N1042', textCleaned: 'Harbour fares rise by a tenth from June.', category: 'business' }), 'dump.jsonl:1', 1e6);
    assert.ok(!r.ok);
    assert.equal(r.code, 'no-content');
    assert.match(r.message, /the line has Id, textCleaned, category/);
    assert.match(r.message, /expected "text" .* or "html"/);
  });

  it('cuts a long list of fields and long names, and points at a field that differs only in case', () => {
    const wide: Record<string, string> = { Text: 'Ferries resume.' };
    for (let i = 0; i < 12; i++) wide[`field_${i}`] = 'x';
    wide['a_very_long_field_name_from_some_scraper_export_v2'] = 'y';
    const m = noContentMessage(wide);
    assert.match(m, /Text, field_0, field_1, field_2, field_3, field_4, … \(14 fields\)/);
    assert.doesNotMatch(m, /field_5/);
    assert.match(m, /'Text' is not 'text'/);
    assert.ok(noContentMessage({ ['k'.repeat(200)]: 1 }).length < 300);
    assert.match(noContentMessage({}), /empty object/);
    assert.match(noContentMessage({ id: 'a', text: '  ' }), /text\/html is empty/);
  });
});
