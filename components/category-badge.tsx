import type { Category } from "@/lib/content/post";
import { linkTo } from "@/lib/site/href";

export interface CategoryBadgeProps {
  category: Category;
  /** A Pagefind filter name: the badge's text becomes a filter value of the indexed page. */
  searchFilter?: string;
}

export function CategoryBadge({ category, searchFilter }: CategoryBadgeProps) {
  return (
    <a className="category-badge" href={linkTo(category.url)} data-pagefind-filter={searchFilter}>
      {category.name}
    </a>
  );
}
