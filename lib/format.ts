/**
 * Formatting shared by pages and feeds. Locale and timezone come from the
 * site config, so the HTML never depends on the machine that built it.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: Date, locale: string, timezone: string, style: "long" | "medium" = "long"): string {
  const key = `${locale}|${timezone}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: timezone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** Minutes to read at 230 words a minute, at least 1. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}

export function absoluteUrl(siteUrl: string, path: string): string {
  if (/^[a-z]+:\/\//i.test(path)) return path;
  return `${siteUrl}${encodeURI(path)}`;
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
