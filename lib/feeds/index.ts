export { absolutizeHtml } from "./absolute-urls";
export { renderFeed } from "./render";
export { feedAlternates, feedHref, feedSpecs, findFeed, FEED_MEDIA_TYPES, INTERNAL_FEED_PREFIX, type FeedFormat, type FeedSpec } from "./specs";
