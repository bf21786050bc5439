import { deepMerge, type FrontMatterDefault } from "@/lib/config";
import { globToRegExp } from "./assets";

/**
 * Jekyll's front matter defaults (`defaults:` in _config.yml) for one post:
 * the values of every set whose scope covers the file, merged as Jekyll
 * merges them (a longer scope path wins, then a scope with a `type`). The
 * post's own front matter is merged over the result by the caller.
 */
export function frontMatterDefaults(sets: readonly FrontMatterDefault[], source: string, draft: boolean): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  let winning: FrontMatterDefault | undefined;
  for (const set of sets) {
    if (!appliesToPath(set.path, source) || !appliesToType(set.type, draft)) continue;
    if (!winning || takesPrecedence(winning, set)) {
      values = deepMerge(values, set.values);
      winning = set;
    } else {
      values = deepMerge(set.values, values);
    }
  }
  return values;
}

/** Jekyll's `has_precedence?`. */
function takesPrecedence(old: FrontMatterDefault, next: FrontMatterDefault): boolean {
  if (next.path.length !== old.path.length) return next.path.length >= old.path.length;
  return next.type !== undefined || old.type === undefined;
}

/** The scope's path is the file or one of its folders (`_posts/2024`), or a glob matching one of them. */
function appliesToPath(scopePath: string, source: string): boolean {
  if (scopePath === "") return true;
  if (/[*?]/.test(scopePath)) return globToRegExp(scopePath).test(source);
  return source === scopePath || source.startsWith(`${scopePath}/`);
}

/** Posts are Jekyll's `posts` type, drafts too; `drafts` names drafts alone. Jekyll 2's singular names still work. */
function appliesToType(type: string | undefined, draft: boolean): boolean {
  if (type === undefined) return true;
  const name = type.replace(/^(post|draft)$/, "$1s");
  return name === "posts" || (draft && name === "drafts");
}
