/**
 * Jekyll's Utils.slugify: runs of characters outside the allowed set become
 * one hyphen; leading and trailing hyphens go. `pretty` keeps more of URL's
 * safe punctuation, as Jekyll does for `:title`.
 */
const DEFAULT = /[^\p{M}\p{L}\p{Nd}]+/gu;
const PRETTY = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;

export function slugify(text: string, { mode = "default", cased = false }: { mode?: "default" | "pretty"; cased?: boolean } = {}): string {
  const slug = text.replace(mode === "pretty" ? PRETTY : DEFAULT, "-").replace(/^-+|-+$/g, "");
  return cased ? slug : slug.toLowerCase();
}

/**
 * A tag's URL key. Like slugify, but `+` and a trailing `#` keep their meaning,
 * so `C++`, `C#` and `C` get three tag pages instead of sharing one.
 */
export function tagSlug(name: string): string {
  return slugify(name.replace(/\+/g, " plus ").replace(/(?<=[\p{L}\p{Nd}])#(?![\p{L}\p{Nd}])/gu, " sharp "));
}

/** The longest slug a listing page's folder gets, in UTF-8 bytes (file systems allow 255 per name). */
const MAX_SLUG_BYTES = 100;

/**
 * A slug short enough to be a folder name. A longer one (a 300-character
 * category, 90 CJK characters of tag) is cut at a character boundary and
 * given a short hash of the whole slug, so two long slugs stay apart.
 */
export function capSlug(slug: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(slug).length <= MAX_SLUG_BYTES) return slug;
  let cut = "";
  for (const char of slug) {
    if (encoder.encode(cut + char).length > MAX_SLUG_BYTES - 9) break;
    cut += char;
  }
  return `${cut.replace(/-+$/, "")}-${shortHash(slug)}`;
}

/** FNV-1a, 8 hex digits: enough to tell apart long slugs that share their first 90 bytes. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
