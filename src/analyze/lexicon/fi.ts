import type { LanguageLexicon } from './types.js';

/** Finnish. Dates take the essive ("perjantaina" = on Friday, "viime vuonna" = last year). */
export const fi: LanguageLexicon = {
  code: 'fi',
  stopwords: `ja tai mutta jos kun että koska kuin sekä eli on ovat oli olivat ollut olla ei en et emme ette
    eivät se ne hän he me te minä sinä tämä tämän tätä nämä näiden tuo nuo joka jotka jonka joita mikä
    mitä miten missä mihin myös vain jo vielä niin nyt sitten kanssa mukaan sen sitä siitä siihen heidän
    hänen meidän teidän minun sinun oma omat kaikki paljon hyvin voi voivat pitää tulee`,
  dates: {
    weekdays: ['maanantaina|maanantai', 'tiistaina|tiistai', 'keskiviikkona|keskiviikko', 'torstaina|torstai', 'perjantaina|perjantai', 'lauantaina|lauantai', 'sunnuntaina|sunnuntai'],
    days: ['toissapäivänä|toissa päivänä', 'eilen', 'tänään', 'huomenna', 'ylihuomenna'],
    units: { week: 'viikolla|viikko', month: 'kuussa|kuu', year: 'vuonna|vuosi' },
    before: { last: 'viime', next: 'ensi', this: 'tänä|tällä|tässä' },
    after: {},
    ago: {
      after: 'sitten', day: 'päivä|päivää', week: 'viikko|viikkoa', month: 'kuukausi|kuukautta', year: 'vuosi|vuotta',
      numbers: ['yksi', 'kaksi', 'kolme', 'neljä', 'viisi', 'kuusi', 'seitsemän', 'kahdeksan', 'yhdeksän', 'kymmenen'],
    },
  },
};
