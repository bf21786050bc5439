import { createHash } from "node:crypto";
import type { Post } from "@/lib/content/post";

/**
 * A stable, file-name-safe id per post, for files generated per post (Open
 * Graph images). The slug keeps it readable; the hash of the URL keeps it
 * unique when two posts share a slug in different categories or years.
 */
export function postId(post: Pick<Post, "slug" | "url">): string {
  const readable = post.slug.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  const hash = createHash("sha1").update(post.url).digest("hex").slice(0, 8);
  return readable ? `${readable}-${hash}` : hash;
}
