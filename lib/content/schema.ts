import { z } from "zod";

/**
 * The front matter a post may carry, as Jekyll blogs write it. Variants are
 * accepted here and resolved once, in lib/content/normalize.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
/** A list item: an empty one (`tags: [a, ~]`, a stray `- `) is dropped, not the whole list. */
const item = z.union([scalar, z.null()]).transform((v) => v ?? "");

/** A string or a list; Jekyll splits a `categories`/`tags` string on spaces. */
const spaceSeparatedList = z
  .union([scalar, z.array(item), z.null()])
  .transform((v) => (v === null ? [] : Array.isArray(v) ? v : v.split(/\s+/)).map((s) => s.trim()).filter(Boolean));

/** A string or a list, where a string is one item (`authors: Jan Doe`). */
const list = z
  .union([scalar, z.array(item), z.null()])
  .transform((v) => (v === null ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

/** Authors: names, or jekyll-seo-tag's `author: { name: ..., url: ... }` (one or a list); only the name is read. */
const namedAuthor = z.object({ name: scalar }).passthrough().transform((author) => author.name);
const authorList = z
  .union([scalar, namedAuthor, z.array(z.union([scalar, namedAuthor])), z.null()])
  .transform((v) => (v === null ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

const imageRef = z.union([
  z.string(),
  // jekyll-seo-tag's form: `image: { path: ..., alt: ... }`
  z.object({ path: z.string(), alt: z.string().optional(), width: z.number().optional(), height: z.number().optional() }),
]);

export const HEADER_POSITIONS = ["top", "center", "bottom"] as const;

export const frontMatterSchema = z.object({
  title: scalar.pipe(z.string().trim().min(1, "must not be empty")),
  date: z.union([z.string(), z.date(), z.number()]).optional(),
  last_modified_at: z.union([z.string(), z.date()]).optional(),
  layout: z.string().optional(),
  published: z.boolean().optional(),
  permalink: z.string().optional(),
  redirect_from: list.optional(),
  /** jekyll-redirect-from: the post's page forwards to this URL (al-folio writes `redirect:`). */
  redirect_to: z.string().optional(),
  redirect: z.string().optional(),
  slug: scalar.optional(),
  excerpt: scalar.optional(),
  excerpt_separator: z.string().optional(),
  description: scalar.optional(),
  category: list.optional(),
  categories: spaceSeparatedList.optional(),
  tags: spaceSeparatedList.optional(),
  tag: list.optional(),
  author: authorList.optional(),
  authors: authorList.optional(),
  about_authors: list.optional(),
  image: imageRef.optional(),
  header_image: imageRef.optional(),
  image_alt: scalar.optional(),
  header_overlay: z.boolean().optional(),
  header_position: z.enum(HEADER_POSITIONS).optional(),
  // Themes' settings for it (al-folio's `toc: { sidebar: left }`, a list of options) mean: show one.
  toc: z.union([z.boolean(), z.record(z.string(), z.unknown()).transform(() => true), z.array(z.unknown()).transform((v) => v.length > 0)]).optional(),
  comments: z.boolean().optional(),
  sitemap: z.boolean().optional(),
  /** Jekyll 4: `false` publishes the body without running its Liquid (a post about Liquid itself). */
  render_with_liquid: z.boolean().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/**
 * Keys that popular Jekyll themes and plugins read (minima, Minimal Mistakes,
 * Chirpy, Beautiful Jekyll, jekyll-seo-tag, jekyll-redirect-from): the blog
 * does not use them, but a post that has them is not misspelled.
 */
const THEME_KEYS = [
  "header", "classes", "sidebar", "share", "read_time", "related", "author_profile", "toc_label", "toc_icon", "toc_sticky",
  "show_date", "words_per_minute", "pin", "math", "mermaid", "media_subpath", "subtitle", "cover-img", "thumbnail-img",
  "share-img", "share-title", "share-description", "social-share", "readtime", "seo", "canonical_url", "lang",
  "locale", "keywords", "hidden", "mathjax", "modified", "feature", "featured", "summary",
  // al-folio
  "giscus_comments", "disqus_comments", "related_posts", "pretty_table", "bibliography", "_styles", "distill", "chart", "tikzjax",
  "typograms", "code_diff", "map", "tabs", "images", "thumbnail", "citation", "toc_sidebar",
  // Beautiful Jekyll
  "gh-repo", "gh-badge", "before-content", "after-content", "footer-extra", "head-extra", "language", "full-width", "nav-short",
  "js", "ext-js", "css", "ext-css", "comments-disabled",
];

/** Keys Jekyll or a common theme gives its own meaning, with what to write instead. */
export const RESERVED_KEY_HINTS: Record<string, string> = {
  url: "Jekyll sets a post's `url` from its permalink; to set the address, write `permalink:`",
  id: "Jekyll sets a post's `id` from its URL; to set the address, write `permalink:`",
  path: "Jekyll sets a post's `path` from its file; it cannot be changed in front matter",
};

/** Keys the blog reads, and keys themes read; anything else is reported as unknown (a warning) by `npm run check`. */
export const KNOWN_KEYS = new Set<string>([...Object.keys(frontMatterSchema.shape), ...THEME_KEYS]);

/** What each field expects, for error messages. */
export const FIELD_EXPECTATIONS: Record<keyof FrontMatter, string> = {
  title: "a non-empty text, e.g. `title: \"Handling failures in CI\"`",
  date: "a date such as `2017-05-11` or `2017-05-11 07:00:00`",
  published: "`true` or `false`",
  permalink: "a URL path such as `/blog/my-post/`",
  category: "a category slug, e.g. `category: tech-stories`",
  categories: "a category or a list, e.g. `categories: [tech-stories]`",
  tags: "a list such as `tags: [\"ci\", \"testing\"]`",
  authors: "a name or a list of names, e.g. `authors: [\"Jan\"]`, or `{ name: \"Jan\" }`",
  author: "a name or a list of names, e.g. `author: Jan Doe`, or `{ name: \"Jan Doe\" }`",
  render_with_liquid: "`true` or `false`",
  toc: "`true` or `false` (or a theme's toc settings)",
  comments: "`true` or `false`",
  sitemap: "`true` or `false`",
  about_authors: "an author id or a list of ids from _data/authors.yml",
  image: "an image path such as `/assets/img/post.jpg`",
  header_image: "an image path relative to the header image folder",
  header_overlay: "`true` or `false`",
  header_position: "one of top, center, bottom",
  redirect_from: "a URL path or a list, e.g. `redirect_from: [/old/url/]`",
  redirect_to: "an http(s) URL or a path of the site, e.g. `redirect_to: https://example.com/talk/`",
  redirect: "an http(s) URL or a path of the site, e.g. `redirect: https://example.com/talk/`",
  excerpt: "a text: the summary shown on cards and in feeds",
  description: "a text: the summary shown on cards, in feeds and to search engines",
  last_modified_at: "a date such as `2017-05-11` or `2017-05-11 07:00:00`",
  slug: "a text, e.g. `slug: my-post`",
  layout: "a layout name such as `post`",
  excerpt_separator: "a text that marks the excerpt's end, e.g. `excerpt_separator: <!--more-->`",
  tag: "a tag or a list, e.g. `tag: ci`",
  image_alt: "a text describing the image",
};
