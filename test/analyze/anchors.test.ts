import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorCounts, numberKeys } from '../../src/analyze/anchors.js';

describe('language-neutral anchors', () => {
  it('reads decimal commas and thousands groups by the language, so figures meet across languages', () => {
    const de = numberKeys('Ein Beben der Stärke 5,8 verletzte 34 Menschen; 1.200 Helfer waren im Einsatz.', 'de');
    const en = numberKeys('A magnitude 5.8 quake injured 34 people; 1,200 helpers were deployed.', 'en');
    assert.deepEqual(de, ['5.8', '34', '1200']);
    assert.deepEqual(en, de);
  });

  it('leaves out single digits and clock times', () => {
    assert.deepEqual(numberKeys('Three people, 2 boats and 7 cars; the quake hit at 04:12.', 'en'), []);
  });

  it('keys names with folded diacritics and keeps names and figures apart', () => {
    const a = anchorCounts('Präsident Recep Tayyip Erdoğan empfing 12 Minister in Ankara.', 'de');
    const b = anchorCounts('President Recep Tayyip Erdogan received 12 ministers in Ankara.', 'en');
    for (const key of ['@recep_tayyip_erdogan', '@erdogan', '@ankara', '#12']) {
      assert.ok(a.has(key), `German text lacks ${key}`);
      assert.ok(b.has(key), `English text lacks ${key}`);
    }
  });
});
