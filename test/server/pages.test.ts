import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Parser } from 'htmlparser2';
import { renderArticleText } from '../../src/web/pages.js';
import { coverageSparkline } from '../../src/web/charts.js';
import { demoFixture, HOSTILE_ID, type Fixture } from './helpers.js';

const enc = encodeURIComponent;

/** Parses the page as a browser would and fails on any script, img, or event-handler attribute the hostile article could have injected. */
function assertNoInjection(html: string, where: string): void {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script' || name === 'img' || name === 'iframe') found.push(`<${name}>`);
      for (const k of Object.keys(attrs)) if (/^on/i.test(k)) found.push(`${name}[${k}]`);
    },
  });
  parser.write(html);
  parser.end();
  assert.deepEqual(found, [], where);
}

describe('pages', () => {
  let f: Fixture;
  let hostileLine: string;
  before(async () => {
    f = await demoFixture({ hostile: true });
    const a = await f.store.getArticle(HOSTILE_ID);
    hostileLine = a!.storylineId!;
  });
  after(async () => {
    await f.close();
  });

  async function page(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await f.app.app.request(path);
    return { status: res.status, html: await res.text(), res };
  }

  test('every page is escaped: a title, text, outlet and URL carrying <script> and "><img onerror> stay text', async () => {
    for (const path of ['/', `/storylines/${enc(hostileLine)}`, `/articles/${enc(HOSTILE_ID)}`, '/search?q=ferry+terminal', `/search?q=${enc('<script>alert(1)</script>')}`]) {
      const p = await page(path);
      assert.equal(p.status, 200, path);
      assertNoInjection(p.html, path);
    }
    const article = (await page(`/articles/${enc(HOSTILE_ID)}`)).html;
    assert.ok(article.includes('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;'), 'the title is shown, escaped');
    assert.ok(article.includes('&quot;&gt;&lt;img src=z onerror=alert(5)&gt;'), 'the text is shown, escaped');
  });

  test('pages send a Content-Security-Policy without inline scripts, and a phone viewport', async () => {
    const p = await page('/');
    const csp = p.res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    assert.match(p.html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.doesNotMatch(p.html, /<script/);
    // Refused requests too: an unknown storyline (thrown in the route) and an unknown route.
    for (const path of ['/storylines/nope', '/no/such/route', '/api/storylines/nope']) {
      const refused = await f.app.app.request(path);
      assert.equal(refused.status, 404, path);
      assert.match(refused.headers.get('content-security-policy') ?? '', /default-src 'none'/, path);
      assert.equal(refused.headers.get('x-content-type-options'), 'nosniff', path);
    }
    const css = await f.app.app.request('/static/style.css');
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.match(await css.text(), /@media \(min-width/);
  });

  test('/ lists storylines most active first, with outlets and a coverage chart each', async () => {
    const { html } = await page('/');
    const items = html.split('<li>').slice(1);
    const total = ((await (await f.app.app.request('/api/storylines')).json()) as { total: number }).total;
    assert.equal(items.length, total);
    assert.ok(items.every((li) => li.includes('<svg class="spark"') && li.includes('class="pill"')));
  });

  test('/storylines/{id}: summary citations link to the article page, which marks the cited sentence', async () => {
    const line = (await (await f.app.app.request('/api/storylines?sort=articles')).json()) as { items: { id: string }[] };
    const { html } = await page(`/storylines/${line.items[0]!.id}`);
    for (const section of ['id="summary"', 'id="timeline"', 'class="matrix"', 'id="quotes"', 'class="framing"', 'id="events"', 'Developments']) assert.ok(html.includes(section), section);
    assert.match(html, /<svg class="timeline"/);
    assert.match(html, /class="reports">✓ reports/);
    const link = /<section id="summary">[^]*?<a class="cite" href="([^"]+)"/.exec(html);
    assert.ok(link, 'a citation link in the summary');
    const href = link[1]!.replace(/&amp;/g, '&');
    assert.match(href, /^\/articles\/[^?#]+\?cite=\d+-\d+#c-\d+$/);
    const start = /#c-(\d+)$/.exec(href)![1];
    const article = await page(href.replace(/#.*/, ''));
    assert.equal(article.status, 200);
    assert.match(article.html, new RegExp(`<span id="c-${start}" class="cited">`));
    assert.match(article.html, /<details class="removed"><summary>Removed while cleaning/);
  });

  test('the article text keeps every character, each sentence anchored', () => {
    const text = 'First sentence here. Second one follows.\n\nA new paragraph starts.';
    const html = renderArticleText(text, { start: 21, end: 40 });
    assert.equal(html.replace(/<[^>]+>/g, '').replace(/\n/g, ''), text.replace(/\n\n/g, ''));
    assert.match(html, /<span id="c-21" class="cited">Second one follows.<\/span>/);
    assert.match(html, /<p><span id="c-42">A new paragraph starts.<\/span><\/p>/);
  });

  test('the coverage sparkline draws one bar per busy period and survives no dates', () => {
    const svg = coverageSparkline(['2025-03-11', '2025-03-11', '2025-04-02', null, 'garbage']);
    assert.equal((svg.match(/<rect /g) ?? []).length, 2);
    assert.match(svg, /aria-label="3 dated articles, 2025-03-11 to 2025-04-02"/);
    assert.doesNotMatch(coverageSparkline([]), /<rect/);
  });
});
