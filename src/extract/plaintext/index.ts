export { analyzePlainText, cleanPlainText, DEFAULT_PLAIN_TEXT_OPTIONS } from './clean.js';
export type { LineDecision, LineKind, PlainTextAnalysis, PlainTextOptions } from './clean.js';
export { LINE_PATTERNS, matchLinePattern } from './patterns.js';
export type { LinePattern } from './patterns.js';
export { isOutletName, outletRank, readAgencyTag, readCopyrightHolder, readNewsletterName, readReportingCredit, readSourceCredit, readWireDateline } from './outlet.js';
export type { OutletRule, WireDateline } from './outlet.js';
