import type { LanguageLexicon } from './types.js';

/**
 * Turkish. Bare "pazar" is also a market: Sunday only as "pazar günü". No "ago" words: "iki gün önce"
 * is also "two days before" another happening ("seçimden iki gün önce").
 */
export const tr: LanguageLexicon = {
  code: 'tr',
  stopwords: `ve veya ile ama fakat ancak de da ki bu şu o bir için gibi kadar daha en çok az olarak olan
    oldu olduğu olduğunu değil ne mi mı mu mü her hem ya sonra önce şimdi bunu bunun buna onu onun ona
    onlar biz siz ben sen kendi tüm bütün bazı diye göre karşı ise eğer çünkü yine hiç var yok dedi
    ayrıca üzere ilk son`,
  dates: {
    weekdays: ['pazartesi', 'salı|sali', 'çarşamba|carsamba', 'perşembe|persembe', 'cuma', 'cumartesi', 'pazar günü'],
    days: ['', 'dün', 'bugün', 'yarın', ''],
    units: { week: 'hafta', month: 'ay', year: 'yıl|sene' },
    before: { last: 'geçen', next: 'gelecek|önümüzdeki', this: 'bu' },
    after: {},
  },
};
