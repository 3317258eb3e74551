/** Publication and modification dates of HTML pages (header metadata, URL, visible text). */
export { findHtmlDates, type HtmlDates, type HtmlDateOptions } from './find-html-dates.js';
export { parseDate, findAllDates, makeDay, MIN_YEAR, type ParsedDate, type ParseOptions, type DayOrder } from './patterns.js';
export { urlDate, type UrlDate } from './url-date.js';
