import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../../src/extract/html/index.js';
import { dropBogusCdata } from '../../src/extract/html/bogus-cdata.js';

test('a stray <![CDATA[ in the body does not swallow the page, and script CDATA wrappers stay', () => {
  const html = `<!doctype html><html lang="en"><head><title>Which GPU to buy?</title>
<script type="application/ld+json">//<![CDATA[
{"@type":"DiscussionForumPosting","headline":"Which GPU to buy?","datePublished":"2024-11-01T15:08:47-04:00"}
//]]></script></head><body class="forum"> <![CDATA[
<div class="thread"><h1>Which GPU to buy?</h1><p>I am torn between two mid-range cards for 1440p gaming and would like advice from people who own either of them.</p>
<p>Budget is about four hundred dollars, and the rest of the build is a six-core processor with sixteen gigabytes of memory.</p></div></body></html>`;
  const fields = extractHtml(html, { url: 'https://forum.example.com/threads/which-gpu.123/' });
  assert.match(fields.text, /torn between two mid-range cards/);
  assert.equal(fields.published?.slice(0, 10), '2024-11-01');
});

test('dropBogusCdata removes the marker up to the first ">" only outside script and style', () => {
  assert.equal(dropBogusCdata('<p>a</p><![CDATA[ x ]]><p>b</p>'), '<p>a</p><p>b</p>');
  const script = '<script>//<![CDATA[\nvar a = 1 > 0;\n//]]></script>';
  assert.equal(dropBogusCdata(script), script);
  assert.equal(dropBogusCdata('<p>no marker</p>'), '<p>no marker</p>');
});
