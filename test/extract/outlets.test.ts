import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractDocument, outletFromUrl, outletHosts, OUTLET_HOSTS_ENV, readOutletHosts, registrableDomain } from '../../src/extract/index.js';

test('a well-known news host names its outlet, subdomains folded', () => {
  assert.equal(outletFromUrl('https://www.latimes.com/world/la-fg-ferry-20250502-story.html'), 'Los Angeles Times');
  assert.equal(outletFromUrl('http://articles.latimes.com/2012/may/02/ferry'), 'Los Angeles Times');
  assert.equal(outletFromUrl('https://nypost.com/2025/05/02/ferry-strike/'), 'New York Post');
  assert.equal(outletFromUrl('https://edition.cnn.com/2025/05/02/europe/ferry'), 'CNN');
  assert.equal(outletFromUrl('https://m.bbc.co.uk/news/world-123'), 'BBC');
  assert.equal(outletFromUrl('http://news.bbc.co.uk/2/hi/europe/123.stm'), 'BBC');
  // The more specific entry wins over its parent domain.
  assert.equal(outletFromUrl('http://sports.espn.go.com/nfl/recap?id=1'), 'ESPN');
  assert.equal(outletFromUrl('https://abcnews.go.com/US/ferry'), 'ABC News');
});

test('an unknown host gives its registrable domain; no URL gives nothing', () => {
  assert.equal(outletFromUrl('https://news.example-news.com/a/1'), 'example-news.com');
  assert.equal(outletFromUrl('https://www.harbourpost.co.uk/local/ferry'), 'harbourpost.co.uk');
  assert.equal(registrableDomain('quay.kessel-courier.com.au'), 'kessel-courier.com.au');
  // On a blog or site host, each subdomain is its own site.
  assert.equal(outletFromUrl('https://harbourwatch.blogspot.com/2025/05/strike.html'), 'harbourwatch.blogspot.com');
  assert.equal(outletFromUrl('https://www.quaynotes.weebly.com/ferry'), 'quaynotes.weebly.com');
  assert.equal(outletFromUrl('https://sites.google.com/view/kessel'), 'sites.google.com');
  assert.equal(outletFromUrl('http://oscar.go.com/news/1'), 'oscar.go.com');
  assert.equal(outletFromUrl(null), null);
  assert.equal(outletFromUrl('not a url'), null);
  assert.equal(outletFromUrl('file:///data/ferry.txt'), null);
  assert.equal(outletFromUrl('http://192.168.1.4/ferry'), null);
});

test('the user extends the table with a JSON file named by the environment; a bad file is a clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outlets-'));
  const good = join(dir, 'hosts.json');
  writeFileSync(good, JSON.stringify({ 'www.kessel-courier.example': 'Kessel Courier', 'latimes.com': 'L.A. Times' }));
  const before = process.env[OUTLET_HOSTS_ENV];
  process.env[OUTLET_HOSTS_ENV] = good;
  try {
    assert.equal(outletFromUrl('https://quay.kessel-courier.example/strike'), 'Kessel Courier');
    assert.equal(outletFromUrl('https://www.latimes.com/x'), 'L.A. Times', 'the user’s name wins');
    assert.equal(outletHosts()['nypost.com'], 'New York Post', 'the built-in table stays');
  } finally {
    if (before === undefined) delete process.env[OUTLET_HOSTS_ENV];
    else process.env[OUTLET_HOSTS_ENV] = before;
  }
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"kessel.example": 3}');
  assert.throws(() => readOutletHosts(bad), /outlet of 'kessel.example' must be a non-empty string/);
  assert.throws(() => readOutletHosts(join(dir, 'missing.json')), /cannot read/);
});

test('an extracted article with a URL and no named outlet carries the outlet its host names', () => {
  const text = 'Ferry crews on the Kessel line walked out for 24 hours on Friday over staffing levels.\n\nThe union said 140 sailors joined the strike.';
  const a = extractDocument({ source: 'dump.jsonl:4', kind: 'text', content: text, hints: { url: 'https://www.nypost.com/2025/05/02/ferry/', title: 'Kessel ferries halted' } });
  assert.equal(a.outlet, 'New York Post');
  const named = extractDocument({ source: 'dump.jsonl:5', kind: 'text', content: text, hints: { url: 'https://www.nypost.com/x', title: 'Kessel ferries halted', outlet: 'Harbour Post' } });
  assert.equal(named.outlet, 'Harbour Post', 'a named outlet wins over the host');
  assert.equal(extractDocument({ source: 'in/a.txt', kind: 'text', content: text }).outlet, null);
});
