export { detectLanguage } from './language.js';
export { inferPublicationDate, isPossibleIsoDate, type InferredDate } from './time/index.js';
