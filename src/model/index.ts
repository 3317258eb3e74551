export * from './article.js';
export * from './story.js';
export * from './report.js';
export * from './timeline.js';
export * from './storage.js';
export * from './search-text.js';
export * from './analysis.js';
export * from './subscription.js';
