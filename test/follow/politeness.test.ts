import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHostGate } from '../../src/follow/index.js';
import { fakeClock } from './fake-clock.js';

describe('per-host politeness', () => {
  it('sends one request at a time to a host, a gap apart; other hosts do not wait', async () => {
    const clock = fakeClock(0);
    const gate = createHostGate(1000, clock);
    const log: string[] = [];
    let inFlight = 0;
    let most = 0;
    const task = (name: string) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      log.push(`${name}@${clock.now()}`);
      await Promise.resolve();
      inFlight--;
      return name;
    };
    const results = await Promise.all([
      gate.run('https://courier.example/rss', task('a1')),
      gate.run('https://courier.example/world.rss', task('a2')),
      gate.run('https://COURIER.example/sport.rss', task('a3')),
    ]);
    assert.deepEqual(results, ['a1', 'a2', 'a3']);
    assert.deepEqual(log, ['a1@0', 'a2@1000', 'a3@2000']);
    assert.equal(most, 1);
    const other = await gate.run('https://valleypost.example/atom', task('b1'));
    assert.equal(other, 'b1');
    assert.equal(clock.sleeps.length, 2, 'the other host did not wait');
  });

  it('a failed request does not block the host', async () => {
    const gate = createHostGate(0, fakeClock(0));
    await assert.rejects(gate.run('https://courier.example/rss', async () => Promise.reject(new Error('refused'))));
    assert.equal(await gate.run('https://courier.example/rss', async () => 'next'), 'next');
  });
});
