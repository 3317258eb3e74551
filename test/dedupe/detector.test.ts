import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentHash, createDuplicateDetector, createMinHasher, estimateJaccard, jaccard, normalizedWords, proseNumbers, runCoverage, shingleSet, wordHashes, type DedupeCandidate, type DedupeStore } from '../../src/dedupe/index.js';

// Invented wire story and its variants (no real article text).
const WIRE = `MARLOW BAY, Oct 14 (Northwire) - Rescue crews pulled 23 fishermen from the sea on Monday after a storm capsized four trawlers off the coast of Marlow Bay, the regional coast guard said.
The boats had left port before dawn despite a warning issued on Sunday evening, coast guard spokeswoman Irene Calder told reporters at the harbour. Two men were taken to the district hospital with hypothermia and one remains in intensive care.
"The wind rose faster than anyone expected and the waves reached six metres within an hour," Calder said. A helicopter from the naval air station at Fennick joined three lifeboats in the search, which lasted more than seven hours.
The fishermen's cooperative said it would ask the ministry for emergency funds to replace the lost boats, which supplied about a fifth of the town's catch. Local officials said the harbour would stay closed until Wednesday while divers inspect the breakwater.`;

const NEAR = WIRE.replace('23 fishermen', '23 fishers').replace('seven hours', 'seven long hours').replace('about a fifth', 'roughly a fifth');

const SYNDICATED = `Storm sinks trawlers off Marlow Bay; all crews rescued

Coastal towns across the region counted the cost of the weekend storm on Monday.
Rescue crews pulled 23 fishermen from the sea on Monday after a storm capsized four trawlers off the coast of Marlow Bay, the regional coast guard said.
The boats had left port before dawn despite a warning issued on Sunday evening, coast guard spokeswoman Irene Calder told our reporter. Two men were taken to the district hospital with hypothermia and one remains in intensive care.
"The wind rose faster than anyone expected and the waves reached six metres within an hour," Calder said. A helicopter from the naval air station at Fennick joined three lifeboats in the search, which lasted more than seven hours.`;

const SAME_TOPIC = `Marlow Bay's harbour was silent on Tuesday, a day after four trawlers went down in the storm. Fishermen gathered at the cooperative's hall to hear what help the ministry might offer.
"The wind rose faster than anyone expected," said coast guard spokeswoman Irene Calder, repeating her warning that boats should respect storm alerts. Most of the 23 rescued men are back home; one is still in intensive care at the district hospital.
Owners of the sunken boats say insurance will cover only part of the loss. The cooperative estimates the town has lost a fifth of its fleet, and some families fear the season is over. Divers began checking the breakwater, and officials hope to reopen the port by Wednesday.`;

/** A store of four lines: enough for the detector's port, with the band index kept in memory. */
function memoryStore() {
  const rows: (DedupeCandidate & { hash: string; keys: number[] })[] = [];
  const store: DedupeStore = {
    async findByContentHash(hash) {
      return rows.find((r) => r.hash === hash) ?? null;
    },
    async findNearDuplicateCandidates(keys, limit) {
      const wanted = new Set(keys);
      return rows.map((r) => ({ id: r.id, hits: r.keys.filter((k) => wanted.has(k)).length })).filter((r) => r.hits > 0).sort((a, b) => b.hits - a.hits).slice(0, limit).map((r) => r.id);
    },
    async getDedupeCandidate(id) {
      return rows.find((r) => r.id === id) ?? null;
    },
  };
  return { store, add: (row: DedupeCandidate & { hash: string; keys: number[] }) => rows.push(row) };
}

async function setup() {
  const mem = memoryStore();
  const detector = createDuplicateDetector(mem.store);
  const fp = detector.fingerprint(WIRE);
  mem.add({ id: 'wire-1', text: WIRE, outlet: 'Northwire', duplicateOf: null, hash: fp.contentHash, keys: fp.bandKeys });
  return { detector, mem };
}

describe('duplicate detector', () => {
  it('finds an exact copy whatever the spacing, case and quotes', async () => {
    const { detector } = await setup();
    const copy = WIRE.toUpperCase().replace(/\n/g, '\n\n').replace(/"/g, '“');
    assert.deepEqual(await detector.check(detector.fingerprint(copy), 'Northwire'), { kind: 'exact', of: 'wire-1', score: 1 });
  });

  it('calls a word-for-word copy under another outlet syndicated', async () => {
    const { detector } = await setup();
    assert.deepEqual(await detector.check(detector.fingerprint(WIRE), 'Harbour Gazette'), { kind: 'syndicated', of: 'wire-1', score: 1 });
    assert.equal((await detector.check(detector.fingerprint(WIRE), null))?.kind, 'exact', 'an unknown outlet may be the same one');
  });

  it('finds a near-duplicate with a few words edited', async () => {
    const { detector } = await setup();
    const match = await detector.check(detector.fingerprint(NEAR), 'Northwire');
    assert.equal(match?.kind, 'near');
    assert.equal(match?.of, 'wire-1');
    assert.ok(match!.score >= 0.7 && match!.score < 1);
  });

  it('calls the same text under another outlet a syndicated copy', async () => {
    const { detector } = await setup();
    assert.equal((await detector.check(detector.fingerprint(NEAR), 'Marlow Evening Star'))?.kind, 'syndicated');
  });

  it('finds a wire copy with a new headline and intro, a local edit and the end cut', async () => {
    const { detector } = await setup();
    const match = await detector.check(detector.fingerprint(SYNDICATED), 'Coast Daily');
    assert.equal(match?.kind, 'syndicated');
    assert.equal(match?.of, 'wire-1');
  });

  it('keeps a different report on the same event (one shared quote) apart', async () => {
    const { detector } = await setup();
    assert.equal(await detector.check(detector.fingerprint(SAME_TOPIC), 'Coast Daily'), null);
  });

  it('links a copy of a duplicate to the original, not to the copy', async () => {
    const { detector, mem } = await setup();
    const fp = detector.fingerprint(SYNDICATED);
    mem.add({ id: 'coast-1', text: SYNDICATED, outlet: 'Coast Daily', duplicateOf: 'wire-1', hash: fp.contentHash, keys: fp.bandKeys });
    assert.equal((await detector.check(detector.fingerprint(SYNDICATED), 'Coast Daily'))?.of, 'wire-1');
  });

  it("calls the same outlet's version that changes a count an update, not a copy", async () => {
    const { detector } = await setup();
    // Northwire's later version: one fisherman missing, the rest of the wire text unchanged.
    const update = WIRE.replace('and one remains in intensive care.', 'and one remains in intensive care. A third fisherman is still missing.');
    assert.equal(await detector.check(detector.fingerprint(update), 'Northwire'), null);
    const changed = WIRE.replace('pulled 23 fishermen', 'pulled 24 fishermen');
    assert.equal(await detector.check(detector.fingerprint(changed), 'Northwire'), null);
    // The same change under another outlet is still that wire story, not an independent report.
    assert.equal((await detector.check(detector.fingerprint(changed), 'Marlow Evening Star'))?.kind, 'syndicated');
    // An unknown outlet may be anyone: no update is read, the copy stands.
    assert.equal((await detector.check(detector.fingerprint(changed), null))?.kind, 'near');
  });

  it("calls the same outlet's report that is mostly new text an update; a new time stamp alone keeps a copy", async () => {
    const { detector } = await setup();
    const more = 'At dusk the families of the crews lit candles along the quay, and the priest of the harbour chapel read the names of the boats. The mayor promised a hearing on storm warnings before the winter season, saying the town could not afford another night like this. Fishermen from neighbouring villages offered their own boats and nets so that the crews could return to sea while the insurers weigh the claims.';
    const grown = `${WIRE}\n${SAME_TOPIC}\n${more}`;
    assert.equal(await detector.check(detector.fingerprint(grown), 'Northwire'), null);
    const restamped = `Last updated 15:48 15/10/2025\n${WIRE}`;
    assert.equal((await detector.check(detector.fingerprint(restamped), 'Northwire'))?.kind, 'near');
  });

  it('only checks short texts for exact copies (too few words to compare)', async () => {
    const { detector } = await setup();
    const fp = detector.fingerprint('Harbour closed until Wednesday.');
    assert.deepEqual(fp.bandKeys, []);
    assert.equal(await detector.check(fp, null), null);
  });
});

describe('dedupe text helpers', () => {
  it('normalises words and hashes content', () => {
    assert.deepEqual(normalizedWords("Calder's boat — “capsized” at 6am!"), ['calders', 'boat', 'capsized', 'at', '6am']);
    assert.equal(contentHash('Two  boats sank.'), contentHash('two boats sank'));
    assert.equal(contentHash(['two', 'boats', 'sank']), contentHash('Two boats sank.'), 'the words give the same hash as the text');
    assert.notEqual(contentHash('Two boats sank.'), contentHash('Three boats sank.'));
  });

  it('reads the numbers of prose sentences, not of stamps', () => {
    assert.deepEqual([...proseNumbers('Last updated 15:48 15/10/2025\nTwo climbers died after a fall of 2,000 feet near the hut.')], ['two', '2000']);
    assert.deepEqual([...proseNumbers('The second climber was found on the ridge.')], ['second']);
  });

  it('measures run coverage: a copied paragraph covers its words, a shared quote little', () => {
    const a = wordHashes(normalizedWords(SAME_TOPIC));
    const b = wordHashes(normalizedWords(WIRE));
    assert.ok(runCoverage(a, b, 8) < 0.2);
    const s = wordHashes(normalizedWords(SYNDICATED));
    assert.ok(runCoverage(s, b, 8) > 0.8);
  });

  it('estimates Jaccard with MinHash within a few points', () => {
    const hasher = createMinHasher({ numHashes: 256, bands: 128, rows: 2 });
    const x = shingleSet(wordHashes(normalizedWords(WIRE)), 5);
    const y = shingleSet(wordHashes(normalizedWords(NEAR)), 5);
    const exact = jaccard(x, y);
    const est = estimateJaccard(hasher.signature(x), hasher.signature(y));
    assert.ok(Math.abs(exact - est) < 0.1, `exact ${exact}, estimate ${est}`);
    assert.throws(() => createMinHasher({ numHashes: 10, bands: 3, rows: 3 }), /bands × rows/);
  });
});
