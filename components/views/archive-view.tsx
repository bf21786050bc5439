import { PostDate } from "../post-date";
import { postsByYear, type Site } from "@/lib/site";
import { pluralize } from "@/lib/format";
import { linkTo } from "@/lib/site/href";

export interface ArchiveViewProps {
  site: Site;
}

/** Every post by year, newest first: the page readers use to scan a blog's history. */
export function ArchiveView({ site }: ArchiveViewProps) {
  const { config } = site;
  const years = postsByYear(site.posts, config.timezone);
  return (
    <div className="archive">
      <header className="listing-header">
        <h1 className="listing-title">Archive</h1>
        <p className="listing-count">{pluralize(site.posts.length, "post")}</p>
      </header>
      {years.map(([year, posts]) => (
        <section key={year} aria-labelledby={`year-${year}`} className="archive-year">
          <h2 id={`year-${year}`}>
            {year} <span className="archive-count">{pluralize(posts.length, "post")}</span>
          </h2>
          <ul>
            {posts.map((post) => (
              <li key={post.source}>
                <PostDate date={post.date} locale={config.dateLocale} timezone={config.timezone} />
                <a href={linkTo(post.url)}>{post.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
