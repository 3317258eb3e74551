export { findTimexes, scanTimexes, resolveMeaning, type Timex, type TimexType, type TimexMod, type TimexOffset, type TimexOptions, type TimexMention, type TimexMeaning } from './timex.js';
export { inferPublicationDate, type InferredDate, type InferOptions } from './infer.js';
export { tenseAt, type Tense } from './tense.js';
export { daysInMonth, formatDay, isPossibleIsoDate, formatMonth, fromDayNumber, parseDct, toDayNumber, weekday } from './calendar.js';
