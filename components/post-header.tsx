import type { SitePost } from "@/lib/site";
import { CategoryBadge } from "./category-badge";
import { PostMeta } from "./post-meta";
import { StatusBadge } from "./status-badge";
import { linkTo } from "@/lib/site/href";

export interface PostHeaderProps {
  post: SitePost;
  locale: string;
  timezone: string;
  /** The title goes into the search index (published posts only). */
  indexed?: boolean;
}

/**
 * Title, categories and byline, over the header image when the post asks for
 * `header_overlay`, else below it. The image box has its aspect ratio fixed
 * before the image loads, so nothing moves.
 */
export function PostHeader({ post, locale, timezone, indexed = false }: PostHeaderProps) {
  const image = post.image?.exists ? post.image : undefined;
  const overlay = Boolean(image && post.headerOverlay);
  return (
    <header className={`post-header${overlay ? " post-header-overlay" : ""}${image ? " has-image" : ""}`}>
      {image && (
        <div className="post-hero">
          <img
            src={linkTo(image.src)}
            alt={overlay ? "" : image.alt}
            width={image.width ?? 1600}
            height={image.height ?? 600}
            fetchPriority="high"
            decoding="async"
            style={{ objectPosition: `center ${post.headerPosition}` }}
          />
        </div>
      )}
      <div className="post-header-text">
        <div className="post-kicker">
          {post.categories.map((category) => (
            <CategoryBadge key={category.slug} category={category} searchFilter="category" />
          ))}
          <StatusBadge status={post.status} />
        </div>
        <h1 className="post-title" data-pagefind-body={indexed ? "" : undefined}>
          {post.title}
        </h1>
        <PostMeta authors={post.authors} date={post.date} wordCount={post.wordCount} locale={locale} timezone={timezone} avatarSize={40} />
      </div>
    </header>
  );
}
