import { unknownArguments } from "../arguments";
import type { TagProblem, TagRenderer } from "../types";
import { linkCard } from "./link-card";

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(twitter\.com|x\.com)\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)(?:[/?#].*)?$/i;

/**
 * `{% twitter https://twitter.com/user/status/123 %}`: a static card that
 * links to the post. No widget script: no third-party request, no layout
 * shift, and it survives deleted posts.
 */
export const twitter: TagRenderer = (args) => {
  const problems: TagProblem[] = unknownArguments("twitter", args, { named: [], positional: 1 });
  const url = args.positional[0];
  const match = url === undefined ? null : STATUS_URL.exec(url);
  if (!match) {
    problems.push({
      rule: "liquid/bad-argument",
      message: url ? "{% twitter %} needs the URL of a post on X/Twitter" : "{% twitter %} needs a post URL",
      found: url ?? args.markup.trim(),
      expected: "https://twitter.com/USER/status/ID",
    });
    return { problems };
  }
  const [, host = "twitter.com", user = "", id = ""] = match;
  // Tracking parameters (?ref_src=...) stay out of the link.
  const href = `https://${host.toLowerCase()}/${user}/status/${id}`;
  return { element: linkCard(`Post on X/Twitter by @${user}`, href, "View the post"), problems };
};
