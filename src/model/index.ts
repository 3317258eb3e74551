export * from './article.js';
export * from './story.js';
export * from './report.js';
export * from './timeline.js';
export * from './subscription.js';
