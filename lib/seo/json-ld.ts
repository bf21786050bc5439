import type { Author } from "@/lib/content/post";
import { absoluteUrl } from "@/lib/format";
import { postsOnPage, type Listing, type Route, type Site, type SitePost } from "@/lib/site";
import { postShareImage } from "./share-image";

/** A schema.org JSON-LD document. */
export type JsonLd = Record<string, unknown>;

const CONTEXT = "https://schema.org";

/** Structured data for a page of the route table; the search page and redirect pages have none. */
export function routeJsonLd(site: Site, route: Route): JsonLd | undefined {
  switch (route.kind) {
    case "post":
      return postJsonLd(site, route.post);
    case "listing":
      return listingJsonLd(site, route.listing, route.path, route.page);
    case "archive":
      return collectionJsonLd(site, "Archive", route.path);
    case "search":
    case "redirect":
      return undefined;
  }
}

/** A post: `BlogPosting` (what search engines read for article results) and its breadcrumb trail. */
export function postJsonLd(site: Site, post: SitePost): JsonLd {
  const { config } = site;
  const url = absoluteUrl(config.rootUrl, post.url);
  const image = postShareImage(site, post);
  const posting = {
    "@type": "BlogPosting",
    "@id": `${url}#article`,
    headline: post.title,
    description: post.excerpt || undefined,
    url,
    datePublished: post.date.toISOString(),
    dateModified: (post.updated ?? post.date).toISOString(),
    author: post.authors.map((author) => person(site, author)),
    image: { "@type": "ImageObject", url: image.url, width: image.width, height: image.height },
    publisher: organization(site),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    isPartOf: blog(site),
    articleSection: post.categories.map((c) => c.name),
    keywords: post.tags.length > 0 ? post.tags.map((t) => t.name).join(", ") : undefined,
    wordCount: post.wordCount,
    inLanguage: config.lang,
  };
  const crumbs = [
    { name: config.title, path: config.routes.home },
    ...post.categories.slice(0, 1).map((c) => ({ name: c.name, path: c.url })),
    { name: post.title, path: post.url },
  ];
  return { "@context": CONTEXT, "@graph": [posting, breadcrumb(site, crumbs)] };
}

/** The index is the `Blog` with the posts on this page; category, tag and author pages are collections in it. */
export function listingJsonLd(site: Site, listing: Listing, path: string, page: number): JsonLd {
  const { config } = site;
  if (listing.kind !== "home") {
    const name = listing.kind === "tag" ? `#${listing.title}` : listing.title;
    return collectionJsonLd(site, page > 1 ? `${name} – page ${page}` : name, path);
  }
  const posts = postsOnPage(config, listing, page);
  return {
    "@context": CONTEXT,
    ...blog(site),
    description: config.description || undefined,
    inLanguage: config.lang,
    publisher: organization(site),
    blogPost: posts.map((post) => ({
      "@type": "BlogPosting",
      headline: post.title,
      url: absoluteUrl(config.rootUrl, post.url),
      datePublished: post.date.toISOString(),
      author: post.authors.map((author) => person(site, author)),
    })),
  };
}

function collectionJsonLd(site: Site, name: string, path: string): JsonLd {
  const { config } = site;
  return {
    "@context": CONTEXT,
    "@graph": [
      { "@type": "CollectionPage", name, url: absoluteUrl(config.rootUrl, path), isPartOf: blog(site), inLanguage: config.lang },
      breadcrumb(site, [{ name: config.title, path: config.routes.home }, { name, path }]),
    ],
  };
}

function person(site: Site, author: Author): JsonLd {
  return { "@type": "Person", name: author.fullName, url: absoluteUrl(site.config.rootUrl, author.url) };
}

function organization(site: Site): JsonLd {
  return { "@type": "Organization", name: site.config.title, url: site.config.rootUrl };
}

function blog(site: Site): JsonLd {
  const url = absoluteUrl(site.config.rootUrl, site.config.routes.home);
  return { "@type": "Blog", "@id": url, name: site.config.title, url };
}

function breadcrumb(site: Site, crumbs: { name: string; path: string }[]): JsonLd {
  return {
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site.config.rootUrl, crumb.path),
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`. The HTML parser ends the
 * script at the first `</script` and treats `<!--` specially, whatever the
 * JSON says, so `<`, `>` and `&` are written as Unicode escapes; so are the
 * line separators that older JavaScript parsers reject.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
