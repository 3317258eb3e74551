export { detectLanguage } from './language.js';
export { inferPublicationDate, type InferredDate } from './time/index.js';
