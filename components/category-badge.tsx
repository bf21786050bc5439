import type { Category } from "@/lib/content/post";

export interface CategoryBadgeProps {
  category: Category;
}

export function CategoryBadge({ category }: CategoryBadgeProps) {
  return (
    <a className="category-badge" href={encodeURI(category.url)}>
      {category.name}
    </a>
  );
}
