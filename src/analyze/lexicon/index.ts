export { LEXICONS, LEXICON_LANGUAGES } from './languages.js';
export { isStopword, stopwordsFor } from './stopwords.js';
export type { DateWords, LanguageLexicon, StopwordList } from './types.js';
