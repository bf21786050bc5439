/**
 * Dates as Jekyll reads them: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` and ISO
 * forms, with an optional offset, and the English forms with a month name that
 * Ruby's Time.parse also takes (`Jan 7, 2020`, `7 January 2020 10:30`, RFC 2822).
 * Times without an offset are wall-clock times in the site's timezone (IANA
 * name, `timezone` in _config.yml).
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type DateParse =
  | { kind: "ok"; date: Date; lenient: boolean }
  | { kind: "placeholder" }
  | { kind: "invalid" };

const DATE_PATTERN =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?/i;

// `Tue, 7 Jan 2020`, `January 7th, 2020` (English month names), then an optional time (`10:30`, `10:30:15 pm`) and offset.
const NAMED_MONTH_PATTERN =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?),?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?(?![a-z\d])/i;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** 1-12 for `Jan`, `January`, `Sept`; undefined for anything else. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = lower === "sept" ? 8 : lower.length === 3 ? MONTHS.indexOf(lower) : MONTH_NAMES.indexOf(lower);
  return index === -1 ? undefined : index + 1;
}

interface DateMatch {
  parts: DateParts;
  offset?: string;
  /** How much of the text the date took. */
  length: number;
}

function matchNumericDate(text: string): DateMatch | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, y, , mo, d, h, mi, s, offset] = match;
  const parts = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
  return { parts, offset, length: match[0].length };
}

function matchNamedMonthDate(text: string): DateMatch | undefined {
  const match = NAMED_MONTH_PATTERN.exec(text);
  if (!match) return undefined;
  const [, dayFirst, monthAfter, monthFirst, dayAfter, y, h, mi, s, meridiem, zone] = match;
  const month = monthNumber((monthAfter ?? monthFirst)!);
  if (month === undefined) return undefined;
  let hour = Number(h ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  const parts = { year: Number(y), month, day: Number(dayFirst ?? dayAfter), hour, minute: Number(mi ?? 0), second: Number(s ?? 0) };
  const offset = zone && /^(utc|gmt)$/i.test(zone) ? "Z" : zone;
  return { parts, offset, length: match[0].length };
}

/** True for drafts' stand-in dates such as `2017-XX-XX` or `YYYY-MM-DD`. */
export function isPlaceholderDate(text: string): boolean {
  return /^\s*[\dXY?_]{4}-[\dXM?_]{1,2}-[\dXD?_]{1,2}/i.test(text) && /[XYMD?_]/i.test(text.slice(0, 10));
}

export function parseDate(value: unknown, timezone: string): DateParse {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: "invalid" } : { kind: "ok", date: value, lenient: false };
  if (typeof value !== "string") return { kind: "invalid" };
  const text = value.trim();
  if (isPlaceholderDate(text)) return { kind: "placeholder" };
  const match = matchNumericDate(text) ?? matchNamedMonthDate(text);
  if (!match) return { kind: "invalid" };
  const { parts, offset } = match;
  if (!isValidParts(parts) || (offset && !isValidOffset(offset))) return { kind: "invalid" };
  // Jekyll (Ruby's Time.parse) ignores trailing characters such as a stray quote; so do we, with a warning.
  const rest = text.slice(match.length).trim();
  const date = offset ? fromOffset(parts, offset) : zonedToUtc(parts, timezone);
  return { kind: "ok", date, lenient: rest.length > 0 };
}

/** Date.UTC, without its reading of years 0-99 as 1900-1999. */
export function utcTime(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day, hour, minute, second);
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.setUTCHours(hour, minute, second);
}

/** `2016-01-19-my-post.md` -> the date part, if the name has one. */
export function dateFromFileName(name: string): { ymd: string; slug: string } | undefined {
  // Jekyll's pattern: single-digit months and days (2016-3-8-post.md) are dates too, and so are
  // two-digit years (22-08-09-post.md), which Ruby's Time.parse puts in 1969-2068.
  const match = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.+?)\.[^.]+$/.exec(name);
  if (!match) return undefined;
  const year = match[1]!.length === 2 ? Number(match[1]) + (Number(match[1]) >= 69 ? 1900 : 2000) : Number(match[1]);
  return { ymd: `${String(year).padStart(4, "0")}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`, slug: match[4]! };
}

function isValidParts(p: DateParts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 60) return false;
  const daysInMonth = new Date(utcTime(p.year, p.month, 0)).getUTCDate();
  return p.day <= daysInMonth;
}

/** `+25:00` is no offset: real ones run from -12:00 to +14:00, with minutes under 60. */
function isValidOffset(offset: string): boolean {
  if (offset.toUpperCase() === "Z") return true;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || 0);
  return hours <= 14 && minutes < 60;
}

function fromOffset(p: DateParts, offset: string): Date {
  const utc = utcTime(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  if (offset.toUpperCase() === "Z") return new Date(utc);
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return new Date(utc - sign * minutes * 60_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone, hourCycle: "h23", era: "short",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

export function isValidTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

// Offsets from UTC by zone and hour: zone rules change on hour boundaries, and
// Intl's formatToParts is far too slow to call for every date of a large blog.
const offsets = new Map<string, number>();

function offsetAt(date: Date, timezone: string): number {
  const hour = Math.floor(date.getTime() / 3_600_000);
  const key = `${timezone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const values: Record<string, number> = {};
    let beforeCommonEra = false;
    for (const part of formatterFor(timezone).formatToParts(new Date(hour * 3_600_000))) {
      if (part.type === "era") beforeCommonEra = part.value === "BC";
      else if (part.type !== "literal") values[part.type] = Number(part.value);
    }
    // Intl counts years before 1 as 1 BC, 2 BC...; the proleptic calendar has 0, -1...
    if (beforeCommonEra) values.year = 1 - values.year!;
    const wall = utcTime(values.year!, values.month! - 1, values.day!, values.hour! % 24, values.minute!, values.second!);
    offset = wall - hour * 3_600_000;
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock parts of an instant in a timezone. */
export function partsInZone(date: Date, timezone: string): DateParts {
  const wall = new Date(date.getTime() + (timezone === "UTC" ? 0 : offsetAt(date, timezone)));
  return {
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
  };
}

/** The instant at which the wall clock in `timezone` shows `parts`. */
export function zonedToUtc(parts: DateParts, timezone: string): Date {
  const asUtc = utcTime(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  let guess = asUtc - offsetMs(new Date(asUtc), timezone);
  // A second pass corrects guesses that land on the other side of a DST change.
  guess = asUtc - offsetMs(new Date(guess), timezone);
  return new Date(guess);
}

function offsetMs(date: Date, timezone: string): number {
  return timezone === "UTC" ? 0 : offsetAt(date, timezone);
}

/** `YYYY-MM-DD` of an instant in a timezone. */
export function ymdInZone(date: Date, timezone: string): string {
  const p = partsInZone(date, timezone);
  return `${p.year < 0 ? "-" : ""}${String(Math.abs(p.year)).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * A date for Liquid templates: a Date (so `| date:` filters work) that prints
 * as Jekyll's Time does, `2024-05-01 00:00:00 +0200` in the site's timezone,
 * where a plain Date would print JavaScript's UTC string (another day, at times).
 */
export function liquidTime(date: Date, timezone: string): Date {
  const p = partsInZone(date, timezone);
  const offsetMinutes = Math.round((utcTime(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - date.getTime()) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}${pad(Math.abs(offsetMinutes) % 60)}`;
  const text = `${ymdInZone(date, timezone)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${offset}`;
  return Object.assign(new Date(date.getTime()), { toString: () => text, toJSON: () => text });
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
