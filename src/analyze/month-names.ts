/**
 * Month names per language, in one table for every stage that reads dates (HTML dates, plain-text
 * metadata lines, the time tagger, the comparison of dates). Lower case, without a trailing dot,
 * January first; `|` separates the spellings of one month (full name, abbreviations, grammatical
 * cases, spellings without diacritics).
 */

export const MONTH_NAMES: Readonly<Record<string, readonly string[]>> = {
  en: ['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sep|sept', 'october|oct', 'november|nov', 'december|dec'],
  // With Austrian Jänner.
  de: ['januar|jänner|jaenner|jän', 'februar|feber', 'märz|maerz|mär|mrz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober|okt', 'november', 'dezember|dez'],
  fr: ['janvier|janv', 'février|fevrier|févr|fevr|fév', 'mars', 'avril|avr', 'mai', 'juin', 'juillet|juil', 'août|aout', 'septembre', 'octobre', 'novembre', 'décembre|decembre|déc'],
  es: ['enero|ene', 'febrero', 'marzo', 'abril|abr', 'mayo', 'junio', 'julio', 'agosto|ago', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre|dic'],
  it: ['gennaio|gen', 'febbraio', 'marzo', 'aprile', 'maggio|mag', 'giugno|giu', 'luglio|lug', 'agosto', 'settembre|set', 'ottobre|ott', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart|mrt', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  pt: ['janeiro', 'fevereiro|fev', 'março|marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro|out', 'novembro', 'dezembro|dez'],
  // Nominative and genitive.
  ru: ['январь|января|янв', 'февраль|февраля|фев', 'март|марта|мар', 'апрель|апреля|апр', 'май|мая', 'июнь|июня|июн', 'июль|июля|июл', 'август|августа|авг', 'сентябрь|сентября|сен|сент', 'октябрь|октября|окт', 'ноябрь|ноября|ноя', 'декабрь|декабря|дек'],
  // Genitive, the form dates use.
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  tr: ['ocak|oca', 'şubat|şub', 'mart|mar', 'nisan|nis', 'mayıs|may', 'haziran|haz', 'temmuz|tem', 'ağustos|ağu', 'eylül|eyl', 'ekim|eki', 'kasım|kas', 'aralık|ara'],
  // Swedish, with the Danish and Norwegian spellings that differ.
  sv: ['januari|januar', 'februari|februar', 'mars|marts', 'april', 'maj|mai', 'juni', 'juli', 'augusti|august', 'september', 'oktober', 'november', 'december|desember'],
  cs: ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
  // Partitive, the form dates use ("12. tammikuuta 2024").
  fi: ['tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta', 'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta'],
};

/**
 * Spelling → month number (1–12) for the given languages (all when omitted). When two languages
 * spell different months alike, the language listed first wins.
 * @example monthNumbers(['en', 'de']).get('dez') // 12
 */
export function monthNumbers(languages: readonly string[] = Object.keys(MONTH_NAMES)): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const lang of languages) {
    (MONTH_NAMES[lang] ?? []).forEach((spellings, i) => {
      for (const s of spellings.split('|')) if (!out.has(s)) out.set(s, i + 1);
    });
  }
  return out;
}

/** A regex alternation of the spellings, longest first so that "june" wins over "jun". */
export function monthAlternation(months: ReadonlyMap<string, number>): string {
  return [...months.keys()].sort((a, b) => b.length - a.length).join('|');
}
