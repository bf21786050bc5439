import type { AuthorLink } from "./authors";

/** An image a page shows, resolved against the content folder's files. */
export interface ImageAsset {
  /** URL path (`/assets/...`) or absolute URL. */
  src: string;
  alt: string;
  width?: number;
  height?: number;
  /** False when the file is missing from the content folder (the page then shows no image). */
  exists: boolean;
}

export interface Category {
  slug: string;
  /** Display name from `category_list`, else the category as written. */
  name: string;
  /** As written in front matter; Jekyll's `:categories` uses this, lowercased. */
  raw: string;
  /** URL path of the category's page. */
  url: string;
}

export interface Tag {
  slug: string;
  name: string;
  url: string;
}

export interface Author {
  /** Key of the author's page: the profile id, or the slugified name when there is no profile. */
  slug: string;
  name: string;
  fullName: string;
  description: string;
  avatar?: ImageAsset;
  links: AuthorLink[];
  hasProfile: boolean;
  /** URL path of the author's page. */
  url: string;
}

export type HeaderPosition = "top" | "center" | "bottom";

export type PostFormat = "markdown" | "html";

/** The one normalized post: every Jekyll variant is resolved before anything else sees it. */
export interface Post {
  /** Path relative to the content root, e.g. `_posts/2016/2016-01-19-my-post.md`. */
  source: string;
  /** `_drafts/` or `published: false`. */
  draft: boolean;
  slug: string;
  title: string;
  date: Date;
  updated?: Date;
  categories: Category[];
  tags: Tag[];
  authors: Author[];
  image?: ImageAsset;
  headerOverlay: boolean;
  headerPosition: HeaderPosition;
  /** Front matter `toc`: true shows a table of contents for any sections, false never; unset: for posts with three or more. */
  toc?: boolean;
  /** False (jekyll-sitemap's `sitemap: false`) leaves the post out of sitemap.xml. */
  inSitemap: boolean;
  /** Plain text: front matter `excerpt`/`description`, else the first paragraph. */
  excerpt: string;
  /** The URL path, decoded (`/blog/events/my-post/`). */
  url: string;
  redirectFrom: string[];
  /** `redirect_to` (or al-folio's `redirect`): the post's page forwards there; it stays in lists and feeds, as with jekyll-redirect-from. */
  redirectTo?: string;
  layout: string;
  /** Markdown (or, for `.html` posts, HTML) with Liquid, as written. */
  body: string;
  format: PostFormat;
  /** File line of the body's first line, so body problems can name their line. */
  bodyLine: number;
  /** Hash of the file's text: the key of rendered-HTML caches. */
  hash: string;
  /** The body's Liquid reads other posts (`site.posts`, `page.previous`, ...): its HTML changes with them. */
  readsOtherPosts: boolean;
  wordCount: number;
  /** Front matter as written, for `{{ page.* }}`. */
  data: Record<string, unknown>;
  /** File line of each top-level front matter key, for messages about them. */
  fieldLines: Record<string, number>;
}
