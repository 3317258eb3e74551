import type { LanguageLexicon } from './types.js';

/** Italian. Elided articles ("l'anno", "dell'UE") count through their first part. */
export const it: LanguageLexicon = {
  code: 'it',
  stopwords: `il lo la i gli le un uno una l di a da in con su per tra fra del dello della dei degli delle
    dell al allo alla ai agli alle all dal dallo dalla dai dagli dalle dall nel nello nella nei negli
    nelle nell sul sullo sulla sui sugli sulle sull e ed o ma se che chi cui non né anche come dove
    quando perché però più meno molto già ancora solo sempre mai è sono era erano fu stato stata stati
    essere ha hanno aveva avevano ho abbiamo sarà questo questa questi queste quello quella quelli
    suo sua suoi sue loro lui lei noi voi io si ci ne mi ti vi tutto tutti tutta tutte altro altri
    altra ogni così dopo prima oltre secondo contro senza c`,
  dates: {
    weekdays: ['lunedì|lunedi', 'martedì|martedi', 'mercoledì|mercoledi', 'giovedì|giovedi', 'venerdì|venerdi', 'sabato', 'domenica'],
    days: ["l'altro ieri|l’altro ieri|altroieri", 'ieri', 'oggi', 'domani', 'dopodomani'],
    units: { week: 'settimana', month: 'mese', year: 'anno' },
    before: { last: 'scorso|scorsa', next: 'prossimo|prossima', this: "questo|questa|quest'|quest’" },
    after: { last: 'scorso|scorsa|passato|passata', next: 'prossimo|prossima' },
    tense: {
      future: String.raw`(?!però(?!\p{L}))\p{L}+(?:rà|ranno|rò)|prevede|prevedono|previsto|prevista|dovrà|dovranno|dovrebbe|in programma`,
      past: String.raw`(?:ha|hanno|ho|abbiamo|è|sono|era|erano|aveva|avevano)\s+(?:\p{L}+\s+)?\p{L}+(?:ato|ata|ati|ate|uto|uta|uti|ute|ito|ita|iti|ite|etto|etta|esso|essa|osto|osta)|disse|fu|furono`,
      datedNoun: String.raw`del|dello|della|dell['’]`,
    },
    ago: {
      after: 'fa', day: 'giorno|giorni', week: 'settimana|settimane', month: 'mese|mesi', year: 'anno|anni',
      numbers: ['un|uno|una', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci'],
    },
  },
};
