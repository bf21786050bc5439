import type { Post } from "@/lib/content/post";

export type PostStatus = "published" | "draft" | "scheduled";

export interface VisibilityMode {
  /** Show drafts (`_drafts/`, `published: false`): in `next dev`, or with --drafts. */
  drafts: boolean;
  /** Show posts dated after `now`: in `next dev`, with --future, or `future: true` in _config.yml. */
  future: boolean;
  now: Date;
}

/** The one rule that decides whether a post is public. Every page, feed and index goes through it. */
export function statusOf(post: Post, now: Date): PostStatus {
  if (post.draft) return "draft";
  if (post.date.getTime() > now.getTime()) return "scheduled";
  return "published";
}

export function isVisible(status: PostStatus, mode: VisibilityMode): boolean {
  return status === "published" || (status === "draft" && mode.drafts) || (status === "scheduled" && mode.future);
}

/** The mode of this process: production builds publish only public posts. */
export function currentMode(configFuture: boolean, configDrafts = false): VisibilityMode {
  const dev = process.env.NODE_ENV === "development";
  const flag = (name: string) => process.env[name] === "1" || process.env[name] === "true";
  const now = process.env.BLOG_NOW ? new Date(process.env.BLOG_NOW) : new Date();
  return {
    drafts: dev || configDrafts || flag("BLOG_DRAFTS"),
    future: dev || configFuture || flag("BLOG_FUTURE"),
    now: Number.isNaN(now.getTime()) ? new Date() : now,
  };
}
