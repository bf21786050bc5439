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
}
