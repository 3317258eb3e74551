import type { LanguageLexicon } from './types.js';

/** Polish. Weekdays and units in the cases dates use ("w piątek", "w zeszłą środę", "w przyszłym roku"). */
export const pl: LanguageLexicon = {
  code: 'pl',
  stopwords: `i w we z ze na do od po o za przez przy dla bez pod nad przed między u oraz a ale lub albo
    czy że aby jak gdy kiedy gdzie który która które którzy którego której jest są był była było były
    będzie będą być został została zostało ma mają miał miała nie tak też także już jeszcze tylko
    bardzo to ten ta te tego tej tym tych on ona ono oni one jego jej ich go mu się sobie nas my ja co
    kto swój swoje wszystkie wszystko tu tam teraz jednak więc bo ponieważ według temu niemu nim niej
    nich przeciwko ponad około`,
  dates: {
    weekdays: ['poniedziałek|poniedzialek', 'wtorek', 'środę|środa|srode|sroda', 'czwartek', 'piątek|piatek', 'sobotę|sobota|sobote', 'niedzielę|niedziela|niedziele'],
    days: ['przedwczoraj', 'wczoraj', 'dziś|dzisiaj|dzis', 'jutro', 'pojutrze'],
    units: { week: 'tydzień|tygodniu|tydzien', month: 'miesiąc|miesiącu|miesiac', year: 'rok|roku' },
    before: {
      last: 'zeszły|zeszłą|zeszłym|zeszłej|ubiegły|ubiegłą|ubiegłym|ubiegłej',
      next: 'przyszły|przyszłą|przyszłym|przyszłej|najbliższy|najbliższą|najbliższym|najbliższej',
      this: 'ten|tę|tym|tej|bieżącym|bieżący',
    },
    after: {},
    tense: {
      future: String.raw`będzie|będą|odbędzie|odbędą|planuje|planują|zaplanowano|zaplanowany|zaplanowana|zaplanowane`,
      past: String.raw`\p{L}{2,}(?:ł|ła|ło|li|ły)`,
    },
    ago: {
      after: 'temu', day: 'dzień|dni|dzien', week: 'tydzień|tygodnie|tygodni|tydzien', month: 'miesiąc|miesiące|miesięcy', year: 'rok|lata|lat',
      numbers: ['jeden|jedną|jedna', 'dwa|dwie', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć', 'dziesięć'],
    },
  },
};
