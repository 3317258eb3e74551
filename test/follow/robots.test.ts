import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRobotsGate, parseRobots, robotsAllow, type Clock } from '../../src/follow/index.js';
import type { FetchResult, Fetcher } from '../../src/ingest/index.js';
import { fakeClock } from './fake-clock.js';

const ROBOTS = `# A news site's robots.txt
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/press/

User-agent: GPTBot
User-agent: Storyline
Disallow: /archive
`;

describe('robots.txt', () => {
  it('applies the * group: the longest matching rule wins, * and $ in paths', () => {
    const rules = parseRobots(ROBOTS, 'otherbot');
    assert.equal(robotsAllow(rules, '/news/harbour-vote'), true);
    assert.equal(robotsAllow(rules, '/private/drafts/1'), false);
    assert.equal(robotsAllow(rules, '/private/press/release-1'), true);
    assert.equal(robotsAllow(rules, '/files/report.pdf'), false);
    assert.equal(robotsAllow(rules, '/files/report.pdf?page=2'), true, '$ anchors the end');
  });

  it('applies our own group instead of * when one names us, sharing its lines with another agent', () => {
    const rules = parseRobots(ROBOTS);
    assert.equal(robotsAllow(rules, '/archive/2024/harbour'), false);
    assert.equal(robotsAllow(rules, '/private/drafts/1'), true, 'the * group no longer applies');
  });

  it('allows everything without rules or with an empty Disallow', () => {
    assert.equal(robotsAllow(parseRobots(''), '/any'), true);
    assert.equal(robotsAllow(parseRobots('User-agent: *\nDisallow:\n'), '/any'), true);
    assert.equal(robotsAllow(parseRobots('User-agent: *\nDisallow: /\n'), '/any'), false);
  });

  it('reads a site once a day; a missing robots.txt allows all, an unreachable one disallows all and is read again', async () => {
    const answers: Record<string, FetchResult> = {
      'https://courier.example/robots.txt': { ok: true, status: 200, url: '', body: Buffer.from('User-agent: *\nDisallow: /private/\n'), contentType: 'text/plain', etag: null, lastModified: null },
      'https://valleypost.example/robots.txt': { ok: false, url: '', code: 'http-error', status: 404, message: 'HTTP 404' },
      'https://wire.example/robots.txt': { ok: false, url: '', code: 'http-error', status: 503, message: 'HTTP 503' },
    };
    const asked: string[] = [];
    const fetcher: Fetcher = { fetch: async (url) => (asked.push(url), answers[url]!) };
    const clock: Clock & { advance(ms: number): void } = fakeClock();
    const robots = createRobotsGate(fetcher, clock);
    assert.equal(await robots.allows('https://courier.example/news/1'), true);
    assert.equal(await robots.allows('https://courier.example/private/2'), false);
    assert.equal(await robots.allows('https://valleypost.example/private/2'), true);
    assert.equal(await robots.allows('https://wire.example/news/3'), false);
    assert.equal(await robots.allows('https://wire.example/news/4'), false);
    assert.deepEqual(asked, ['https://courier.example/robots.txt', 'https://valleypost.example/robots.txt', 'https://wire.example/robots.txt', 'https://wire.example/robots.txt']);
    clock.advance(86_400_001);
    await robots.allows('https://courier.example/news/1');
    assert.equal(asked.filter((u) => u.startsWith('https://courier')).length, 2, 'read again after a day');
  });
});
