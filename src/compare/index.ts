export { alignArticles, analyzeStoryline, DEFAULT_COMPARE_OPTIONS, type Alignment, type CompareArticle, type CompareOptions, type StorylineInput, type TimexHook } from './analyze.js';
export { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align.js';
export { FRAMING_LEXICON, type LexiconCategory } from './lexicon.js';
export { conflictCitations, escapeHtml, outletOf, plural, renderReportHtml, renderReportMarkdown } from './render.js';
