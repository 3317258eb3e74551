import type { LanguageLexicon } from './types.js';

/** Dutch. "morgen" is also the morning ("de morgen", "deze morgen"). */
export const nl: LanguageLexicon = {
  code: 'nl',
  stopwords: `de het een en of maar als dat die dit deze van in op te aan met voor door bij naar uit over
    tot om onder tegen tussen na zonder is zijn was waren wordt worden werd werden heeft hebben had
    hadden kan kunnen zal zullen zou moet niet geen nog ook al wel dan toen zo er hier daar nu hij zij
    ze wij we jij je ik u men hem haar hun ons onze zich wat wie waar hoe omdat want dus alle veel meer
    andere zelf`,
  dates: {
    weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
    days: ['eergisteren', 'gisteren', 'vandaag', 'morgen', 'overmorgen'],
    units: { week: 'week', month: 'maand', year: 'jaar' },
    before: { last: 'vorige|vorig|afgelopen', next: 'volgende|volgend|komende|komend', this: 'deze|dit' },
    after: {},
    tense: {
      future: String.raw`zal|zullen|gaat|gaan|wil|willen|gepland|verwacht`,
      past: String.raw`heeft|hebben|had|hadden|was|waren|werd|werden|zei|zeiden`,
      datedNoun: String.raw`van`,
    },
    ago: {
      after: 'geleden', day: 'dag|dagen', week: 'week|weken', month: 'maand|maanden', year: 'jaar',
      numbers: ['een|één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'],
    },
    notAfter: 'de|deze|die|elke|iedere|een|goede',
  },
};
