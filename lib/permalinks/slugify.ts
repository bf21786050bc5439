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
