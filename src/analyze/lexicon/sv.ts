import type { LanguageLexicon } from './types.js';

/** Swedish. "i dag", "i går", "i morgon" are written apart or together. */
export const sv: LanguageLexicon = {
  code: 'sv',
  stopwords: `och eller men om när att som än så inte ingen inget inga är var varit vara blir blev har hade
    ha kan kunde ska skulle måste vill den det de dem denna detta dessa en ett han hon hen vi ni jag
    du man sig sin sitt sina hans hennes deras vår vårt våra er ert era min mitt mina i på av för med
    till från vid under över efter före genom mot utan mellan hos också bara redan mycket mer mest alla
    allt här där nu då`,
  dates: {
    weekdays: ['måndag|måndagen', 'tisdag|tisdagen', 'onsdag|onsdagen', 'torsdag|torsdagen', 'fredag|fredagen', 'lördag|lördagen', 'söndag|söndagen'],
    days: ['i förrgår|förrgår', 'i går|igår', 'i dag|idag', 'i morgon|imorgon', 'i övermorgon|övermorgon'],
    units: { week: 'vecka|veckan', month: 'månad|månaden', year: 'år|året' },
    before: { last: 'förra|förre', next: 'nästa|kommande', this: 'denna|detta|den här|det här' },
    after: {},
    tense: {
      future: String.raw`ska|skall|kommer att|planerar|väntas|beräknas`,
      past: String.raw`har|hade|var|blev|sade|sa|meddelade|uppgav`,
    },
    ago: {
      after: 'sedan', day: 'dag|dagar', week: 'vecka|veckor', month: 'månad|månader', year: 'år',
      numbers: ['en|ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'],
    },
  },
};
