import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factMatrix } from '../../src/web/pages.js';
import type { StorylineReport } from '../../src/model/index.js';

test('the fact × outlet matrix shows the verdict the compare stage gives each outlet', () => {
  const cite = (article: string, sentence: string) => ({ article, sentence, start: 0, end: sentence.length });
  const report = {
    outlets: ['Bay Courier', 'Harbour Post', 'Island Times'],
    articles: [
      { id: 'a', title: 'Ferry fares rise', outlet: 'Bay Courier', published: '2025-05-02' },
      { id: 'b', title: 'Fares up by a tenth', outlet: 'Harbour Post', published: '2025-05-02' },
      { id: 'c', title: 'Fares up by a fifth', outlet: 'Island Times', published: '2025-05-03' },
    ],
    facts: [{
      text: 'Ferry fares rise by a tenth from June.',
      sources: ['Bay Courier', 'Harbour Post'],
      articles: ['a', 'b'],
      citations: [cite('a', 'Ferry fares rise by a tenth from June.'), cite('b', 'Fares will go up by a tenth in June.')],
      score: 0.8,
      status: { 'Bay Courier': 'reports', 'Harbour Post': 'reports', 'Island Times': 'contradicts' },
    }],
    conflicts: [],
  } as unknown as StorylineReport;
  const [row] = factMatrix(report);
  assert.deepEqual(row!.cells, ['reports', 'reports', 'contradicts']);
});
