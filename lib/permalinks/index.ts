import { partsInZone, utcTime } from "@/lib/content/dates";
import { capSlug, slugify, tagSlug } from "./slugify";

export { capSlug, slugify, tagSlug };

/** Jekyll's built-in permalink styles. */
export const PERMALINK_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export interface PermalinkSubject {
  /** Categories as written; Jekyll lowercases them in URLs. */
  categories: readonly string[];
  /** The file name's slug (`my-post` in `2016-01-19-my-post.md`) or front matter `slug`. */
  slug: string;
  date: Date;
  timezone: string;
}

export type PermalinkResult =
  | { ok: true; path: string }
  | { ok: false; reason: "unknown-placeholder" | "outside-site" | "unservable"; detail: string };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Values of every placeholder Jekyll knows for a post. */
export function placeholders(subject: PermalinkSubject): Record<string, string> {
  const p = partsInZone(subject.date, subject.timezone);
  const utcDay = new Date(utcTime(p.year, p.month - 1, p.day));
  const yearStart = utcTime(p.year, 0, 1);
  const yDay = Math.floor((utcDay.getTime() - yearStart) / 86_400_000) + 1;
  const weekday = utcDay.getUTCDay();
  const iso = isoWeek(utcDay);
  const categories = [...new Set(subject.categories.map((c) => c.toLowerCase()))];
  return {
    year: String(p.year),
    short_year: pad(p.year % 100),
    month: pad(p.month),
    i_month: String(p.month),
    short_month: MONTHS[p.month - 1]!,
    long_month: LONG_MONTHS[p.month - 1]!,
    day: pad(p.day),
    i_day: String(p.day),
    y_day: pad(yDay, 3),
    hour: pad(p.hour),
    minute: pad(p.minute),
    second: pad(p.second),
    w_year: String(iso.year),
    week: pad(iso.week),
    w_day: String(weekday === 0 ? 7 : weekday),
    short_day: DAYS[weekday]!,
    long_day: LONG_DAYS[weekday]!,
    title: slugify(subject.slug, { mode: "pretty", cased: true }),
    slug: slugify(subject.slug),
    name: subject.slug,
    categories: categories.join("/"),
    output_ext: ".html",
    collection: "posts",
  };
}

function isoWeek(day: Date): { year: number; week: number } {
  const d = new Date(day);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = utcTime(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/**
 * A post's URL path from a permalink pattern (a built-in style name or a
 * template), the way Jekyll builds it: placeholders replaced, repeated
 * slashes squeezed. The result is decoded text; encode it for an href.
 */
export function expandPermalink(pattern: string, subject: PermalinkSubject): PermalinkResult {
  const template = PERMALINK_STYLES[pattern] ?? pattern;
  const values = placeholders(subject);
  let unknown: string | undefined;
  const expanded = template.replace(/:([a-z_]+)/g, (match, name: string) => {
    // Jekyll lets a trailing underscore end a placeholder (`:title_` before more letters).
    const key = name in values ? name : name.endsWith("_") && name.slice(0, -1) in values ? name.slice(0, -1) : undefined;
    if (key === undefined) {
      unknown ??= match;
      return match;
    }
    return values[key]!;
  });
  if (unknown) return { ok: false, reason: "unknown-placeholder", detail: unknown };
  return checkPath(expanded);
}

const MAX_SEGMENT_BYTES = 200;

/**
 * Normalizes a URL path written by hand (a post's `permalink`, `redirect_from`) and checks it can be
 * served. `/a/index.html` is the URL `/a/` (a static host serves that file there, and Jekyll writes
 * the one file), and `/a/./b/` is `/a/b/`.
 */
export function checkPath(raw: string): PermalinkResult {
  const squeezed = `/${raw.trim()}`.replace(/\/{2,}/g, "/");
  if (squeezed.split("/").includes("..")) return { ok: false, reason: "outside-site", detail: squeezed };
  const path = squeezed.replace(/\/(?:\.(?=\/|$))+/g, "/").replace(/\/{2,}/g, "/").replace(/\/index\.html$/, "/");
  const segments = path.split("/");
  const bad = /[\u0000-\u001f\u007f?#%\\<>"|*]/.exec(path);
  if (bad) return { ok: false, reason: "unservable", detail: JSON.stringify(bad[0]) };
  // Each segment becomes a file or folder name; file systems allow 255 bytes, and the build adds suffixes.
  const long = segments.find((s) => new TextEncoder().encode(s).length > MAX_SEGMENT_BYTES);
  if (long) return { ok: false, reason: "unservable", detail: `a path segment of ${new TextEncoder().encode(long).length} bytes (at most ${MAX_SEGMENT_BYTES} fit in a file name)` };
  return { ok: true, path };
}
