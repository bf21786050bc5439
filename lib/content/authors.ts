import { z } from "zod";
import { slugify } from "@/lib/permalinks/slugify";
import { parseYaml } from "./yaml";
import { problem, quote, type ContentProblem } from "./problems";

/** One entry of `_data/authors.yml`. */
const linkSchema = z.object({
  label: z.coerce.string().optional(),
  name: z.coerce.string().optional(),
  title: z.coerce.string().optional(),
  url: z.string(),
});

/** A text field: digits YAML read as a number are text too, but a list or mapping is not. */
const textField = z.union([z.string(), z.number()]).transform(String);

export const authorSchema = z.object({
  id: textField.pipe(z.string().min(1)),
  name: textField.optional(),
  full_name: textField.optional(),
  description: textField.optional(),
  image: z.string().optional(),
  links: z.union([z.array(linkSchema), z.record(z.string(), z.string())]).optional(),
  // jekyll-seo-tag's and themes' spellings of the same things.
  bio: textField.optional(),
  avatar: z.string().optional(),
  picture: z.string().optional(),
  url: z.string().optional(),
  website: z.string().optional(),
  twitter: textField.optional(),
  github: textField.optional(),
  linkedin: textField.optional(),
  mastodon: z.string().optional(),
});

/** Profile links written as their own keys (`twitter: handle`), as jekyll-seo-tag and many themes do. */
function socialLinks(a: z.infer<typeof authorSchema>): AuthorLink[] {
  const links: AuthorLink[] = [];
  const web = a.url ?? a.website;
  if (web) links.push({ label: "Website", url: web });
  const profile = (value: string | undefined, label: string, base: string) => {
    if (!value) return;
    links.push({ label, url: /^https?:\/\//.test(value) ? value : `${base}${value.replace(/^@/, "")}` });
  };
  profile(a.twitter, "X/Twitter", "https://twitter.com/");
  profile(a.github, "GitHub", "https://github.com/");
  profile(a.linkedin, "LinkedIn", "https://www.linkedin.com/in/");
  if (a.mastodon && /^https?:\/\//.test(a.mastodon)) links.push({ label: "Mastodon", url: a.mastodon });
  return links;
}

export interface AuthorLink {
  label: string;
  url: string;
}

export interface AuthorProfile {
  id: string;
  /** The id as it appears in the author page's URL (`Jane Doe` -> `jane-doe`). */
  slug: string;
  /** Short name, as bylines show it. */
  name: string;
  fullName: string;
  description: string;
  /** File name or path as written; resolved against `author_image_path` by loadContext (lib/content/load.ts). */
  image?: string;
  links: AuthorLink[];
  /** Line of the profile in the authors file, for messages. */
  line?: number;
}

/**
 * Parses `_data/authors.yml`: a list of profiles with `id`, or a mapping from
 * id to profile (both are common in Jekyll sites).
 */
export function parseAuthors(text: string | undefined, file: string): { authors: AuthorProfile[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  if (text === undefined) return { authors: [], problems };
  const parsed = parseYaml(text);
  for (const error of parsed.errors) {
    problems.push(problem({ rule: "authors/invalid", file, line: error.line, column: error.column, message: `The authors file is not valid YAML: ${error.message}` }));
  }
  if (parsed.errors.length > 0 || parsed.data == null) return { authors: [], problems };
  let entries: { raw: unknown; path: (string | number)[] }[];
  if (Array.isArray(parsed.data)) {
    entries = parsed.data.map((raw, index) => ({ raw, path: [index] }));
  } else if (typeof parsed.data === "object") {
    entries = Object.entries(parsed.data as Record<string, unknown>).map(([id, raw]) => ({
      raw: raw && typeof raw === "object" ? { id, ...(raw as object) } : raw,
      path: [id],
    }));
  } else {
    problems.push(problem({ rule: "authors/invalid", file, line: 1, message: "The authors file is neither a list of profiles nor a mapping from id to profile", found: quote(parsed.data) }));
    return { authors: [], problems };
  }
  const authors: AuthorProfile[] = [];
  const seen = new Set<string>();
  const slugs = new Map<string, string>();
  for (const { raw, path } of entries) {
    let result = authorSchema.safeParse(withoutEmptyFields(raw));
    // A bad field is reported and left out; the rest of the profile still stands, so posts still find it.
    const lineOfIssue = (issue: z.core.$ZodIssue) => parsed.lineOf([...path, ...issue.path.map((k) => (typeof k === "number" ? k : String(k)))]) ?? parsed.lineOf(path);
    const bad = result.success ? [] : [...result.error.issues].sort((a, b) => (lineOfIssue(a) ?? 0) - (lineOfIssue(b) ?? 0));
    for (const issue of bad) {
      const field = issue.path.map(String).join(".");
      const value = valueAt(raw, issue.path);
      problems.push(problem({
        rule: "authors/invalid", file, line: lineOfIssue(issue),
        field: field || undefined, found: value === undefined ? undefined : quote(value),
        message: field ? `Author profile ${entryName(path)} has an invalid \`${field}\`; it is left out` : `Author profile ${entryName(path)} is not a mapping of fields; it is skipped`,
        expected: AUTHOR_FIELD_EXPECTATIONS[String(issue.path[0])] ?? "a profile such as `name: Jane Doe`, `bio: ...`, `avatar: jane.jpg`, `twitter: handle`",
      }));
    }
    if (!result.success && raw && typeof raw === "object" && !Array.isArray(raw)) {
      const kept = { ...(withoutEmptyFields(raw) as Record<string, unknown>) };
      for (const issue of bad) if (issue.path[0] !== undefined && issue.path[0] !== "id") delete kept[String(issue.path[0])];
      result = authorSchema.safeParse(kept);
    }
    if (!result.success) continue;
    const a = result.data;
    if (seen.has(a.id)) {
      problems.push(problem({ rule: "authors/invalid", file, line: parsed.lineOf(path), field: "id", message: `Author id \`${a.id}\` is defined twice; the first profile is used` }));
      continue;
    }
    seen.add(a.id);
    // The id names the author's page: `../..` or `!!!` would name none (or one outside the site).
    const slug = slugify(a.id);
    if (!slug) {
      problems.push(problem({
        rule: "authors/invalid", file, line: parsed.lineOf([...path, "id"]) ?? parsed.lineOf(path), field: "id", found: quote(a.id),
        message: `Author id \`${a.id}\` has no letter or digit to name the author's page with; the profile is skipped`,
        expected: "an id with letters or digits, such as `jdoe`",
      }));
      continue;
    }
    const sameSlug = slugs.get(slug);
    if (sameSlug !== undefined) {
      problems.push(problem({
        rule: "authors/invalid", file, line: parsed.lineOf([...path, "id"]) ?? parsed.lineOf(path), field: "id", found: quote(a.id),
        // Posts that name either id would be credited to the first profile: the wrong person on a published page.
        blocksBuild: true,
        message: `Author ids \`${sameSlug}\` and \`${a.id}\` would share one author page (${slug}), and posts naming \`${a.id}\` would show \`${sameSlug}\`'s profile`,
        expected: "ids that differ in more than case, spaces and punctuation", hint: "rename one of the two ids (and the posts that name it)",
      }));
      continue;
    }
    slugs.set(slug, a.id);
    const name = a.name ?? a.full_name ?? a.id;
    authors.push({
      id: a.id,
      slug,
      name,
      fullName: a.full_name ?? name,
      description: a.description ?? a.bio ?? "",
      image: a.image ?? a.avatar ?? a.picture,
      links: [...normalizeLinks(a.links), ...socialLinks(a)],
      line: parsed.lineOf([...path, a.image ? "image" : a.avatar ? "avatar" : "picture"]) ?? parsed.lineOf(path),
    });
  }
  return { authors, problems };
}

/** A profile as authors read the file: the third of a list is profile 3, a mapping's entries go by their id. */
function entryName(path: (string | number)[]): string {
  return typeof path[0] === "number" ? String(path[0] + 1) : `\`${path.join(".")}\``;
}

/** What each profile field takes, for messages about a bad value. */
const AUTHOR_FIELD_EXPECTATIONS: Record<string, string> = {
  name: "a text: the name bylines show",
  full_name: "a text: the full name the author page shows",
  description: "a text: a short bio",
  bio: "a text: a short bio",
  twitter: "a text: the handle or profile URL",
  github: "a text: the user name or profile URL",
  linkedin: "a text: the profile name or URL",
  id: "a text: the id posts name in `author:` or `about_authors:`",
  image: "a text: an image file name, path or URL",
  avatar: "a text: an image file name, path or URL",
  picture: "a text: an image file name, path or URL",
  url: "a text: a URL such as https://example.com",
  website: "a text: a URL such as https://example.com",
  mastodon: "a text: the profile's URL",
  links: "a list of `- label: ...` / `url: ...` entries, or a mapping of label to URL",
};

/** A field written without a value (`bio:`) is not set, as Jekyll reads nil; it does not print as "null". */
function withoutEmptyFields(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function normalizeLinks(links: z.infer<typeof authorSchema>["links"]): AuthorLink[] {
  if (!links) return [];
  if (Array.isArray(links)) return links.map((l) => ({ label: l.label ?? l.name ?? l.title ?? l.url, url: l.url }));
  return Object.entries(links).map(([label, url]) => ({ label, url }));
}
