export { alignArticles, analyzeStoryline, DEFAULT_COMPARE_OPTIONS, type Alignment, type CompareArticle, type CompareOptions, type StorylineInput, type TimexHook } from './analyze.js';
export { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align.js';
export { FRAMING_LEXICON, type LexiconCategory } from './lexicon.js';
export { briefHtml, conflictCitations, conflictOutlet, escapeHtml, outletOf, plural, REPORT_LIMITS, renderReportHtml, renderReportMarkdown, type RenderOptions } from './render.js';
export { supports } from './agree.js';
export { createFactStatus, factStatus, reportsChange } from './conflicts.js';
export { compileLexicon, findLoadedTerms } from './framing.js';
export { contentStems } from './text.js';
