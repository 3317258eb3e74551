/** The serve stage: HTTP API, pages and feeds over a store. */
export { createApp, CONTENT_SECURITY_POLICY, DEFAULT_APP_OPTIONS, type AppOptions, type StorylineApp } from './app.js';
export { ApiError, errorBody, type ErrorBody } from './errors.js';
export { atomDate, escapeXml, renderAtomFeed, type FeedInput } from './feed.js';
export { openApiDocument } from './openapi.js';
export { startServer, type RunningServer, type ServeOptions } from './serve.js';
export { createStorylineService, DEFAULT_SERVICE_OPTIONS, fieldTypeError, splitBody, storylineKey, type PostedItem, type ServedReport, type StorylineQuery, type StorylineService } from './service.js';
