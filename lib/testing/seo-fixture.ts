import { loadContent } from "@/lib/content/load";
import { buildSite, type Site } from "@/lib/site/model";
import { BASIC_AUTHORS, makeSite, post } from "./site-fixture";

/** The one title every escaping test uses: it tries to end a script, open a comment and end a CDATA section. */
export const HOSTILE_TITLE = "</script><script>alert(1)</script> <!-- & ]]> \"quoted\"";

const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

export const SEO_NOW = new Date("2024-06-01T12:00:00Z");

/**
 * A small blog for feed, sitemap and metadata tests: published posts (one with
 * a header image, one with a hostile title and body, one without authors), a
 * draft and a future post that must never appear.
 */
export function seoFixtureSite(options: { drafts?: boolean; future?: boolean; limit?: number } = {}): Site {
  const root = makeSite({
    "_config.yml": `title: Fixture Blog
description: Notes & news
url: https://blog.example.org
timezone: Europe/Berlin
permalink: /blog/:categories/:title/
category_list:
  engineering: Engineering
  odd: "C<++> & more"
pagination:
  per_page: 2
feed:
  path: /blog/feed.xml
${options.limit ? `  limit: ${options.limit}\n` : ""}`,
    "_data/authors.yml": BASIC_AUTHORS,
    "assets/img/headers/first.png": PNG_1X1,
    "assets/img/authors/ada.png": PNG_1X1,
    "_posts/2024/2024-01-01-first.md": post(
      "title: First & foremost\ncategory: engineering\ntags: [ci, Tips & Tricks]\nabout_authors: [ada]\nheader_image: first.png\nlast_modified_at: 2024-02-01\nredirect_from: /old/first.html",
      "The first paragraph, with a [relative link](/blog/odd/hostile/) and a [fragment](#later).\n\n![An image](/assets/img/headers/first.png)\n\n## Later\n\nDone.\n",
    ),
    "_posts/2024/2024-03-01-hostile.md": post(
      `title: '${HOSTILE_TITLE.replace(/'/g, "''")}'\ncategory: odd\ntags: [xml]\nabout_authors: [ada, alan]`,
      "Code that ends CDATA twice: `]]>` and `]]>`, a bell \u0007 character, and <b>bold</b> HTML.\n",
    ),
    "_posts/2024/2024-04-01-anonymous.md": post("title: Nobody wrote this\ncategory: engineering", "Text without an author. Subscribe to [the feed](/blog/feed.xml) or [Engineering's](/blog/engineering/rss.xml).\n"),
    "_posts/2030/2030-01-01-future.md": post("title: Future post\ncategory: engineering"),
    "_drafts/draft.md": post("title: Draft post\ncategory: engineering"),
  });
  return buildSite(loadContent(root), { drafts: options.drafts ?? false, future: options.future ?? false, now: SEO_NOW });
}
