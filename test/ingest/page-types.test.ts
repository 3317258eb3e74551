import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createIngester, readInputs, statelessSourceContext } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-pages-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Invented pages: a shop's product page and a news article about the same lamp maker.
const PRODUCT = `<html><head><title>Harbour Lamp</title><script type="application/ld+json">{"@type":"Product","name":"Harbour Lamp","offers":{"price":"39.00"}}</script></head>
<body><h1>Harbour Lamp</h1><p>Brass lamp, 40 cm, made by Tarn Lighting in Orlo.</p><p>$39.00</p><button>Add to cart</button></body></html>`;
const prose = Array.from({ length: 6 }, (_, i) => `<p>Tarn Lighting said on Tuesday that its factory in Orlo would hire 120 workers this year, and the mayor welcomed the plan in a statement, paragraph ${i + 1}.</p>`).join('');
const NEWS = `<html><head><title>Lamp maker to hire 120 in Orlo</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Lamp maker to hire 120 in Orlo","datePublished":"2025-04-01"}</script></head><body><h1>Lamp maker to hire 120 in Orlo</h1>${prose}</body></html>`;

test('a page that is no article is stored but kept out of events, with the reason said', async () => {
  writeFileSync(join(dir, 'lamp.html'), PRODUCT);
  writeFileSync(join(dir, 'news.html'), NEWS);
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const ingester = await createIngester(store);
    const said: string[] = [];
    for await (const item of readInputs([join(dir, 'lamp.html'), join(dir, 'news.html')], statelessSourceContext())) {
      assert.equal(await ingester.ingest(item), 'added');
      if (ingester.lastKeptOut) said.push(ingester.lastKeptOut.message);
    }
    await ingester.finish();
    assert.equal(ingester.counts.added, 2);
    assert.equal(ingester.counts.keptOut, 1);
    assert.deepEqual(said, ['kept out of events: a product page, not an article (the page declares a schema.org Product)']);
    const lamp = await store.getArticle(join(dir, 'lamp.html'));
    assert.equal(lamp?.eventId, null, 'stored, in no event');
    assert.equal(lamp?.pageType?.type, 'product');
    const news = await store.getArticle(join(dir, 'news.html'));
    assert.ok(news?.eventId, 'the article has its event');
    assert.equal((await store.listStorylines()).items.length, 1, 'one storyline, the news one');
  } finally {
    await store.close();
  }
});
