/**
 * The lexicon of loaded and evaluative wording, kept as data (after Recasens et al. 2013: bias shows
 * in labels, intensifiers, factive and epistemic verbs, and evaluative adjectives). General news
 * vocabulary, not drawn from any one article. Each entry is a lower-case word or phrase; a trailing
 * `*` matches any ending ("scandal*" → "scandalous").
 */

/** One lexicon category with its polarity (-1 negative, 0 hedging/neutral, +1 positive). */
export interface LexiconCategory {
  category: string;
  polarity: number;
  /** Why these words frame: shown in reports next to the category. */
  note: string;
  terms: string[];
}

/** The default framing lexicon. */
export const FRAMING_LEXICON: LexiconCategory[] = [
  {
    category: 'label-negative',
    polarity: -1,
    note: 'pejorative labels for people, governments and forces',
    terms: [
      'dictator', 'despot', 'tyrant', 'autocrat', 'strongman', 'warlord', 'thug*', 'regime', 'junta',
      'illegitimate', 'puppet', 'cronies', 'henchm*n', 'propagandist*', 'terrorist state', 'rogue state',
      'occupier*', 'occupying army', 'occupying forces', 'army of occupation', 'invader*', 'aggressor*',
      'war criminal', 'self-styled', 'so-called', 'extremist*', 'radical*', 'zealot*', 'mob',
    ],
  },
  {
    category: 'evaluative-negative',
    polarity: -1,
    note: 'judgements presented as description',
    terms: [
      'scandal*', 'disastrous', 'disaster', 'catastroph*', 'shameful', 'outrageous', 'humiliat*',
      'betray*', 'capitulat*', 'surrender', 'reckless', 'brutal*', 'barbaric', 'sinister', 'notorious',
      'infamous', 'corrupt*', 'chaos', 'chaotic', 'fiasco', 'debacle', 'contempt', 'rubber-stamp',
      'sham', 'ruthless', 'criminal', 'narratives', 'collapse*',
    ],
  },
  {
    category: 'evaluative-positive',
    polarity: 1,
    note: 'approving or promotional wording',
    terms: [
      'win-win', 'mutual benefit', 'landmark', 'historic', 'milestone', 'breakthrough', 'visionary',
      'bold', 'thaw', 'friendship', 'harmonious', 'prosperity', 'positive results', 'new impetus',
      'great potential', 'important opportunity', 'noteworthy', 'champion of', 'far-sighted',
      'constructive', 'fruitful', 'successful', 'triumph*',
    ],
  },
  {
    category: 'intensifier',
    polarity: 0,
    note: 'words that raise the stakes without adding facts',
    terms: [
      'stunning', 'shocking', 'dramatic', 'unprecedented', 'explosive', 'bombshell', 'massive', 'huge',
      'extraordinary', 'sensational', 'slams', 'blasts', 'of paramount importance', 'widespread concern',
      'extremely', 'utterly', 'unabashedly', 'significant', 'rare', 'pivot',
    ],
  },
  {
    category: 'epistemic',
    polarity: 0,
    note: 'verbs and adverbs that hedge or assert certainty',
    terms: [
      'reportedly', 'allegedly', 'alleged', 'purportedly', 'apparently', 'seemingly', 'claimed',
      'claims', 'supposedly', 'it is important to understand', 'it is worth noting', 'undoubtedly',
      'clearly', 'obviously', 'of course', 'admitted', 'conceded', 'insisted',
    ],
  },
];
