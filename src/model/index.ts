export * from './article.js';
export * from './story.js';
