import "server-only";
import fs from "node:fs";
import path from "node:path";
import { expandPermalink, slugify } from "@/lib/permalinks";
import { ymdInZone } from "./dates";
import { loadContext } from "./load";

export interface NewPostOptions {
  root: string;
  title: string;
  category?: string;
  /** An author id from _data/authors.yml. */
  author?: string;
  draft?: boolean;
  now?: Date;
}

export type NewPostResult = { ok: true; file: string; url: string } | { ok: false; error: string };

/**
 * Writes a new post with valid front matter: `_posts/YYYY/YYYY-MM-DD-slug.md`
 * dated today in the site's timezone, or `_drafts/slug.md`. The one place the
 * blog writes into the content folder, and it never overwrites a file.
 */
export function createPost({ root, title, category, author, draft = false, now = new Date() }: NewPostOptions): NewPostResult {
  const { context } = loadContext(root);
  const { config } = context;
  const trimmed = title.trim();
  if (!trimmed) return { ok: false, error: "--title is empty; give the post a title, e.g. --title \"Zero-downtime deploys\"" };
  const categories = Object.keys(config.categoryNames);
  if (category !== undefined && categories.length > 0 && !categories.includes(category)) {
    return { ok: false, error: `Category "${category}" is not in category_list of _config.yml; expected one of: ${categories.join(", ")}` };
  }
  const profile = author === undefined ? undefined : context.authorsById.get(author);
  if (author !== undefined && !profile) {
    return { ok: false, error: `Author "${author}" is not an id in _data/authors.yml; expected one of: ${[...new Set([...context.authorsById.values()].map((a) => a.slug))].join(", ") || "(no authors defined)"}` };
  }
  const slug = slugify(trimmed) || "post";
  const ymd = ymdInZone(now, config.timezone);
  const relative = draft ? `_drafts/${slug}.md` : `_posts/${ymd.slice(0, 4)}/${ymd}-${slug}.md`;
  const file = path.join(root, relative);

  const lines = ["---", "layout: post", `title: ${JSON.stringify(trimmed)}`];
  if (!draft) lines.push(`date: ${ymd}`);
  if (category) lines.push(`category: ${category}`);
  lines.push("tags: []");
  if (profile) lines.push(`authors: [${JSON.stringify(profile.name)}]`, `about_authors: [${JSON.stringify(profile.slug)}]`);
  lines.push("---", "", "The first paragraph is the excerpt: say what the post is about and why it matters.", "");

  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": fail if the file exists, atomically, rather than check-then-write.
    fs.writeFileSync(file, lines.join("\n"), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { ok: false, error: `${relative} already exists; choose another title or edit that file` };
    throw error;
  }
  const permalink = expandPermalink(config.permalink, { categories: category ? [category] : [], slug, date: now, timezone: config.timezone });
  return { ok: true, file: relative, url: permalink.ok ? permalink.path : "(the permalink pattern cannot be expanded; see `npm run check`)" };
}
