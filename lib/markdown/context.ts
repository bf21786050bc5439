import type { SiteConfig } from "@/lib/config";

/**
 * What rendering one post needs to know about the rest of the site: other
 * posts' URLs (for `{% post_url %}` and link checks), assets (image sizes,
 * missing files) and includes. lib/site builds it; lib/markdown never reads files.
 */
export interface RenderContext {
  config: SiteConfig;
  /** Changes whenever anything that can change a rendered post changes (routes, assets, includes, config). */
  fingerprint: string;
  /** What an internal URL path (decoded, no query or hash) points at, if anything. */
  resolvePath(path: string): "page" | "asset" | "external" | undefined;
  asset(urlPath: string): { width?: number; height?: number } | undefined;
  /** `{% post_url 2016-03-08-slug %}`: a post's file name without extension -> its URL. */
  postUrl(name: string): string | undefined;
  /** `{% link _posts/2016-03-08-slug.md %}`: a content-relative path -> its URL. */
  linkUrl(source: string): string | undefined;
  /** The text of `_includes/NAME`. */
  readInclude(name: string): string | undefined;
  /** The text of a file a post names in `{% include_relative %}`, by its path from the content root. */
  readRelativeInclude(path: string): string | undefined;
  /** `{{ site.data.* }}`: the files of `_data/`. */
  data: Record<string, unknown>;
  /** `site.posts`, `site.categories`, `site.tags`, `page.previous`/`next` for Liquid; built on first use. */
  otherPosts(): OtherPosts;
}

/** A published post as Liquid sees it in `site.posts` (Jekyll's names). */
export interface PostSummary {
  title: string;
  url: string;
  date: Date;
  id: string;
  slug: string;
  path: string;
  categories: string[];
  tags: string[];
  excerpt: string;
}

export interface OtherPosts {
  /** Newest first, as Jekyll's `site.posts`. */
  posts: PostSummary[];
  categories: Record<string, PostSummary[]>;
  tags: Record<string, PostSummary[]>;
  /** Position of each post file in `posts`. */
  indexOf: Map<string, number>;
  /** Changes when any of the above does: part of the render key of posts that read them. */
  signature: string;
}
