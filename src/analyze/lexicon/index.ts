export { LEXICONS, LEXICON_LANGUAGES } from './languages.js';
export { isStopword, stopwordsFor } from './stopwords.js';
export type { AgoWords, DateWords, LanguageLexicon, StopwordList } from './types.js';
