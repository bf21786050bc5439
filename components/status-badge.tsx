import type { PostStatus } from "@/lib/site/visibility";

export interface StatusBadgeProps {
  status: PostStatus;
}

/** Marks drafts and scheduled posts, which only `next dev` (or --drafts/--future) shows. */
export function StatusBadge({ status }: StatusBadgeProps) {
  if (status === "published") return null;
  return <span className={`status-badge status-${status}`}>{status === "draft" ? "Draft" : "Scheduled"}</span>;
}
