import { absoluteUrlOf } from "@/lib/feeds/absolute-urls";
import { absoluteUrl } from "@/lib/format";
import { postId, type Site, type SitePost } from "@/lib/site";

/** Open Graph's recommended size, used by Facebook, LinkedIn, Slack and X. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The id of the site-wide card (listing pages); post ids always end in a hash, so they never collide with it. */
export const SITE_CARD_ID = "site";

/** URL path of a generated card (app/og/[id]/route.tsx). */
export function ogImagePath(id: string): string {
  return `/og/${id}.png`;
}

export interface ShareImage {
  /** Absolute URL. */
  url: string;
  width?: number;
  height?: number;
  alt: string;
}

/**
 * The image shown when a post is shared: its header image; the site's card when
 * that file is missing (reported by the check; the author meant that image, so
 * the build does not draw a substitute); a card of its own for a post without a
 * header image, unless `og_cards: false`.
 */
export function postShareImage(site: Site, post: SitePost): ShareImage {
  const { config } = site;
  if (post.image?.exists) {
    return { url: toAbsolute(config.rootUrl, post.image.src), width: post.image.width, height: post.image.height, alt: post.image.alt };
  }
  if (post.image || !config.ogCards) return siteShareImage(site);
  return { url: absoluteUrl(config.rootUrl, ogImagePath(postId(post))), ...OG_IMAGE_SIZE, alt: post.title };
}

/** The card of listing pages: the site's title and description. */
export function siteShareImage(site: Site): ShareImage {
  return { url: absoluteUrl(site.config.rootUrl, ogImagePath(SITE_CARD_ID)), ...OG_IMAGE_SIZE, alt: site.config.title };
}

/** A URL path, an absolute URL or a protocol-relative one (`//cdn.example/x.png`) -> an absolute URL, as feeds make them. */
export function toAbsolute(siteUrl: string, src: string): string {
  return absoluteUrlOf(src, siteUrl, `${siteUrl}/`);
}
