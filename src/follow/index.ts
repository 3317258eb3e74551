/**
 * The follow stage: subscriptions to feeds, polled on each feed's own schedule by the watcher, with
 * their health; new items are stored through the ingest stage.
 */
export { systemClock, type Clock } from './clock.js';
export { formatDuration, parseDuration } from './duration.js';
export { applyPoll, DISABLE_SCORE, enableFeed, errorWeight, feedStatus, newHealth, type FeedStatus, type PollResult } from './health.js';
export { readOpml, renderOpml, type OpmlFeeds } from './opml.js';
export { fetchFeed, fetchVerdict, type FetchedFeed, type FetchVerdict, type PollContext } from './poll.js';
export { createHostGate, type HostGate } from './politeness.js';
export { createRobotsGate, parseRobots, robotsAllow, ROBOTS_AGENT, type RobotsGate } from './robots.js';
export { DEFAULT_SCHEDULE, nextWait, publishingInterval, unchangedInterval, type ScheduleOptions } from './schedule.js';
export { createItemStore, type ClaimWrites, type ItemStore } from './store-items.js';
export { checkFeedUrl, MIN_EVERY_SECONDS, newSubscription } from './subscriptions.js';
export { createWatcher, DEFAULT_WATCH_OPTIONS, type CycleReport, type WatchOptions, type Watcher } from './watcher.js';
