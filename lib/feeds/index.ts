export { absolutizeHtml } from "./absolute-urls";
export { renderFeed } from "./render";
export { feedAlternates, feedSpecs, findFeed, FEED_MEDIA_TYPES, type FeedFormat, type FeedSpec } from "./specs";
