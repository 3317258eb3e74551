import type { LanguageLexicon } from './types.js';

/** German. Nouns are capitalised, so "Morgen" (the morning) is not "morgen" (tomorrow). */
export const de: LanguageLexicon = {
  code: 'de',
  stopwords: `der die das den dem des ein eine einer eines einem einen und oder aber wenn als auch auf aus
    bei bis durch für gegen in im ins mit nach ohne seit über um unter von vor zu zum zur ist sind war
    waren wird werden wurde wurden sein hat haben hatte hatten kann können soll sollen muss müssen nicht
    kein keine noch nur schon sehr so wie was wer wo dass daß es er sie wir ihr ich du man sich
    seine ihre ihren diese dieser dieses diesem jetzt dann denn doch hier da am vom beim`,
  dates: {
    weekdays: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag|sonnabend', 'sonntag'],
    days: ['vorgestern', 'gestern', 'heute', 'morgen', 'übermorgen'],
    units: { week: 'woche', month: 'monat', year: 'jahr' },
    before: {
      last: 'letzte|letzten|letzter|letztes|vergangene|vergangenen|vergangener|vergangenes|vorige|vorigen|voriger|voriges',
      next: 'nächste|nächsten|nächster|nächstes|kommende|kommenden|kommender|kommendes',
      this: 'diese|diesen|dieser|dieses|diesem',
    },
    after: {},
    tense: {
      future: String.raw`wird|werden|soll|sollen|will|wollen|plant|planen|geplant|voraussichtlich`,
      past: String.raw`hat|haben|hatte|hatten|war|waren|wurde|wurden|sagte|sagten|erklärte|erklärten`,
      datedNoun: String.raw`vom`,
    },
    ago: {
      before: 'vor', day: 'tag|tagen', week: 'woche|wochen', month: 'monat|monaten', year: 'jahr|jahren',
      numbers: ['einem|einer|ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn'],
    },
    nounWhenCapitalised: 'morgen',
  },
};
