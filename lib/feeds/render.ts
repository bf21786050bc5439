import "server-only";
import { Feed, type Author as FeedAuthor, type Item } from "feed";
import type { Author } from "@/lib/content/post";
import { absoluteUrl } from "@/lib/format";
import { renderPost } from "@/lib/markdown";
import type { Site, SitePost } from "@/lib/site";
import { postShareImage, toAbsolute } from "@/lib/seo/share-image";
import { absolutizeHtml } from "./absolute-urls";
import type { FeedSpec } from "./specs";

interface Entry {
  post: SitePost;
  url: string;
  /** Full post HTML with absolute URLs, safe inside CDATA. */
  content: string;
  updated: Date;
}

/** One feed as text: Atom 1.0, RSS 2.0 or JSON Feed 1.1, with the full HTML of each post. */
export async function renderFeed(site: Site, spec: FeedSpec): Promise<string> {
  const { config } = site;
  const entries = await Promise.all(spec.posts.map((post) => entryOf(site, post)));
  const siblings = spec.siblings;
  const feed = new Feed({
    id: absoluteUrl(config.rootUrl, spec.path),
    title: xmlText(spec.title),
    description: xmlText(config.description || spec.title),
    link: absoluteUrl(config.rootUrl, spec.homePath),
    language: config.lang,
    // The newest change, not the build time: an unchanged blog gives an unchanged feed.
    updated: entries.reduce<Date | undefined>((newest, e) => (!newest || e.updated > newest ? e.updated : newest), undefined) ?? site.mode.now,
    generator: "Markdown-in-git blog (Next.js, feed)",
    feedLinks: {
      atom: absoluteUrl(config.rootUrl, siblings.atom),
      rss: absoluteUrl(config.rootUrl, siblings.rss),
      json: absoluteUrl(config.rootUrl, siblings.json),
    },
    // Atom wants an author for the feed when an entry has none.
    author: { name: xmlText(config.title), link: `${config.rootUrl}/` },
    favicon: absoluteUrl(config.rootUrl, "/icon.svg"),
  });
  for (const entry of entries) feed.addItem(itemOf(site, spec, entry));
  switch (spec.format) {
    case "atom":
      return feed.atom1();
    case "rss":
      return feed.rss2();
    case "json":
      return jsonFeed11(feed, config.lang);
  }
}

async function entryOf(site: Site, post: SitePost): Promise<Entry> {
  const { config } = site;
  const url = absoluteUrl(config.rootUrl, post.url);
  const { html } = await renderPost(post, site.renderContext);
  const image = post.image?.exists ? post.image : undefined;
  const hero = image
    ? `<p><img src="${escapeHtml(toAbsolute(config.rootUrl, image.src))}" alt="${escapeHtml(image.alt)}"${image.width ? ` width="${image.width}"` : ""}${image.height ? ` height="${image.height}"` : ""}></p>\n`
    : "";
  // An empty body would drop the element that declares the content namespace in RSS; say something instead.
  const body = html.trim() ? html : `<p>${escapeHtml(post.excerpt || post.title)}</p>`;
  return { post, url, content: cdataSafe(xmlText(absolutizeHtml(hero + body, config.url, url))), updated: post.updated ?? post.date };
}

/**
 * What each format wants differs: Atom's title and summary are HTML (so the
 * plain-text title is escaped), RSS's title is plain text and its authors are
 * Dublin Core creators (RSS's own `author` must be an e-mail address), and
 * JSON Feed 1.1 lists authors in `authors`.
 */
function itemOf(site: Site, spec: FeedSpec, { post, url, content, updated }: Entry): Item {
  const title = xmlText(post.title);
  const summary = xmlText(post.excerpt);
  const base = { link: url, date: updated, published: post.date, content };
  switch (spec.format) {
    case "atom":
      return {
        ...base,
        title: escapeHtml(title),
        description: summary ? escapeHtml(summary) : undefined,
        author: post.authors.map((a) => atomAuthor(site, a)),
        category: [...post.categories, ...post.tags].map((c) => ({ term: c.slug, name: attributeText(c.name) })),
      };
    case "rss":
      return {
        ...base,
        title,
        description: summary ? escapeHtml(summary) : undefined,
        category: [...post.categories, ...post.tags].map((c) => ({ name: xmlText(c.name) })),
        extensions: post.authors.length > 0 ? [{ name: "dc:creator", objects: post.authors.map((a) => ({ _text: xmlText(a.fullName) })) as unknown as Record<string, unknown> }] : undefined,
      };
    case "json":
      return {
        ...base,
        id: url,
        title: post.title,
        description: post.excerpt || undefined,
        image: postShareImage(site, post).url,
        category: [...post.categories, ...post.tags].map((c) => ({ name: c.name })),
        extensions: [{ name: "authors", objects: post.authors.map((a) => jsonAuthor(site, a)) as unknown as Record<string, unknown> }],
      };
  }
}

function atomAuthor(site: Site, author: Author): FeedAuthor {
  return { name: xmlText(author.fullName), link: absoluteUrl(site.config.rootUrl, author.url) };
}

function jsonAuthor(site: Site, author: Author): { name: string; url: string; avatar?: string } {
  const avatar = author.avatar?.exists ? toAbsolute(site.config.rootUrl, author.avatar.src) : undefined;
  return { name: author.fullName, url: absoluteUrl(site.config.rootUrl, author.url), ...(avatar ? { avatar } : {}) };
}

/** feed@6 writes JSON Feed 1.0; 1.1 adds `language`, and item authors come as `authors` (see itemOf). */
function jsonFeed11(feed: Feed, language: string): string {
  const data = JSON.parse(feed.json1()) as Record<string, unknown>;
  const { author, ...rest } = data;
  return JSON.stringify({ ...rest, version: "https://jsonfeed.org/version/1.1", language, authors: author ? [author] : undefined }, null, 2);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Characters XML 1.0 forbids even as references (control characters, lone surrogates) are dropped. */
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

/**
 * The XML writer ends CDATA sections correctly only for the first `]]>` in a
 * text; in HTML, `]]&gt;` reads the same.
 */
function cdataSafe(html: string): string {
  return html.replace(/]]>/g, "]]&gt;");
}

/** The XML writer escapes `&` and `"` in attributes but not `<`, which XML forbids there. */
function attributeText(text: string): string {
  return xmlText(text).replace(/</g, "");
}
