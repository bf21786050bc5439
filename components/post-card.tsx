import type { SitePost } from "@/lib/site";
import { CategoryBadge } from "./category-badge";
import { PostMeta } from "./post-meta";
import { StatusBadge } from "./status-badge";
import { linkTo } from "@/lib/site/href";

export interface PostCardProps {
  post: SitePost;
  locale: string;
  timezone: string;
  /** Load the image eagerly (the first cards are above the fold). */
  eager?: boolean;
}

/** A post in a list: image, category, title, excerpt and byline. */
export function PostCard({ post, locale, timezone, eager = false }: PostCardProps) {
  const image = post.image?.exists ? post.image : undefined;
  return (
    <article className={`post-card${image ? " has-image" : ""}`}>
      {image && (
        <a className="post-card-image" href={linkTo(post.url)} tabIndex={-1} aria-hidden="true">
          <img
            src={linkTo(image.src)}
            alt=""
            width={image.width ?? 1200}
            height={image.height ?? 630}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            style={{ objectPosition: post.headerPosition }}
          />
        </a>
      )}
      <div className="post-card-body">
        <div className="post-card-kicker">
          {post.categories.map((category) => (
            <CategoryBadge key={category.slug} category={category} />
          ))}
          <StatusBadge status={post.status} />
        </div>
        <h2 className="post-card-title">
          <a href={linkTo(post.url)}>{post.title}</a>
        </h2>
        {post.excerpt && <p className="post-card-excerpt">{post.excerpt}</p>}
        <PostMeta authors={post.authors} date={post.date} wordCount={post.wordCount} locale={locale} timezone={timezone} avatarSize={24} />
      </div>
    </article>
  );
}
