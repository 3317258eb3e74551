import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBandIndex, decodeBandKeys, encodeBandKeys } from '../../src/store/band-index.js';

describe('band index', () => {
  it('returns the articles sharing a key, newest first, at most the limit', () => {
    const index = createBandIndex();
    index.add(1, [2 ** 52 + 7, 11]);
    index.add(2, [11, 12]);
    index.add(5, [11]);
    assert.deepEqual(index.matches(11, 10), [5, 2, 1]);
    assert.deepEqual(index.matches(11, 2), [5, 2]);
    assert.deepEqual(index.matches(2 ** 52 + 7, 10), [1]);
    assert.deepEqual(index.matches(2 ** 52 + 8, 10), [], 'a neighbouring key is another key');
    assert.equal(index.lastSeq, 5);
  });

  it('keeps every posting, in order, when it grows far past its first size', () => {
    const index = createBandIndex();
    // 40,000 articles × 3 keys: the arrays double several times; key 7 is shared by every 1,000th article.
    for (let seq = 1; seq <= 40_000; seq++) index.add(seq, [seq * 3 + 2 ** 40, seq % 1000 === 0 ? 7 : seq * 3 + 1 + 2 ** 40, seq * 3 + 2 + 2 ** 40]);
    assert.equal(index.size, 120_000);
    assert.deepEqual(index.matches(7, 3), [40_000, 39_000, 38_000]);
    assert.equal(index.matches(7, 100).length, 40);
    assert.deepEqual(index.matches(12_345 * 3 + 2 + 2 ** 40, 5), [12_345]);
  });

  it('stores keys as exact 8-byte values and reads a damaged blob as no keys', () => {
    const keys = [2 ** 53 - 1, 0, 4_294_967_297];
    assert.deepEqual([...decodeBandKeys(encodeBandKeys(keys))], keys);
    // An odd-offset view, as a driver may hand out.
    const shifted = new Uint8Array(encodeBandKeys(keys).length + 1);
    shifted.set(encodeBandKeys(keys), 1);
    assert.deepEqual([...decodeBandKeys(shifted.subarray(1))], keys);
    assert.equal(decodeBandKeys(new Uint8Array(7)).length, 0);
  });
});
