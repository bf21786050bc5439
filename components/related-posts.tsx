import type { SitePost } from "@/lib/site";
import { PostDate } from "./post-date";
import { linkTo } from "@/lib/site/href";

export interface RelatedPostsProps {
  posts: readonly SitePost[];
  locale: string;
  timezone: string;
}

export function RelatedPosts({ posts, locale, timezone }: RelatedPostsProps) {
  if (posts.length === 0) return null;
  return (
    <section className="related-posts" aria-labelledby="related-posts-title">
      <h2 id="related-posts-title">Related posts</h2>
      <ul>
        {posts.map((post) => (
          <li key={post.source}>
            <a href={linkTo(post.url)}>{post.title}</a>
            <span className="related-posts-meta">
              {post.categories[0] && <>{post.categories[0].name} · </>}
              <PostDate date={post.date} locale={locale} timezone={timezone} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
