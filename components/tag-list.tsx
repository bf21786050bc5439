import type { Tag } from "@/lib/content/post";
import { linkTo } from "@/lib/site/href";

export interface TagListProps {
  tags: readonly Tag[];
}

export function TagList({ tags }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.slug}>
          <a href={linkTo(tag.url)} rel="tag">
            #{tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
