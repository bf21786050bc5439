import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/format";
import type { Site, SitePost } from "@/lib/site";

/**
 * Every page search engines should index, by canonical URL: posts (with their
 * last change), listing pages and the archive. Not the search page, not
 * redirect pages, and not the site root when it only repeats the index under
 * another URL.
 */
export function sitemapEntries(site: Site): MetadataRoute.Sitemap {
  const { config } = site;
  const entries: MetadataRoute.Sitemap = [];
  for (const route of site.routes.values()) {
    switch (route.kind) {
      case "post":
        if (!route.post.inSitemap) break;
        entries.push({ url: loc(config.rootUrl, route.post.url), lastModified: lastChange([route.post]) });
        break;
      case "listing":
        if (route.path === "/" && route.listing.path !== "/") break;
        entries.push({ url: loc(config.rootUrl, route.path), lastModified: lastChange(route.listing.posts) });
        break;
      case "archive":
        entries.push({ url: loc(config.rootUrl, route.path), lastModified: lastChange(site.posts) });
        break;
      case "search":
      case "redirect":
        break;
    }
  }
  return entries;
}

/** Next.js writes `<loc>` as given, and the sitemap protocol wants `&` and `'` escaped there (encodeURI keeps them). */
function loc(siteUrl: string, path: string): string {
  return absoluteUrl(siteUrl, path).replace(/&/g, "&amp;").replace(/'/g, "&apos;");
}

function lastChange(posts: readonly SitePost[]): Date | undefined {
  let newest: Date | undefined;
  for (const post of posts) {
    const changed = post.updated ?? post.date;
    if (!newest || changed > newest) newest = changed;
  }
  return newest;
}
