import path from "node:path";

/** The site root to read: `BLOG_CONTENT_DIR`, else `content/` of the project. */
export function contentRoot(): string {
  return path.resolve(process.cwd(), process.env.BLOG_CONTENT_DIR || "content");
}

/** A path relative to the content root, with forward slashes, for messages. */
export function relativeToRoot(root: string, file: string): string {
  const relative = path.relative(root, file);
  return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
}

/**
 * `{% include_relative NAME %}` in the file `source` (a path from the content
 * root) -> the included file's path from the root. Undefined for an absolute
 * name or one with `..`, which Jekyll refuses too.
 */
export function relativeIncludePath(source: string, name: string): string | undefined {
  if (name.startsWith("/") || name.split(/[\\/]/).includes("..")) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), name));
}
