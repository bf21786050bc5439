import type { ContentProblem } from "@/lib/content/problems";
import { formatDate } from "@/lib/format";
import type { Heading } from "@/lib/markdown";
import { isSearchable, type Site, type SitePost } from "@/lib/site";
import { AuthorCard } from "../author-card";
import { PostHeader } from "../post-header";
import { ProblemList } from "../problem-list";
import { RelatedPosts } from "../related-posts";
import { TableOfContents } from "../table-of-contents";
import { TagList } from "../tag-list";
import { linkTo } from "@/lib/site/href";
import { showsTableOfContents } from "@/lib/site/toc";

export interface PostViewProps {
  site: Site;
  post: SitePost;
  html: string;
  headings: readonly Heading[];
  previous?: SitePost;
  next?: SitePost;
  related: readonly SitePost[];
  /** Shown in `next dev` only. */
  problems: readonly ContentProblem[];
}

export function PostView({ site, post, html, headings, previous, next, related, problems }: PostViewProps) {
  const { dateLocale, timezone } = site.config;
  const withProfiles = post.authors.filter((a) => a.hasProfile);
  const toc = showsTableOfContents(html, headings, post.toc);
  const indexed = isSearchable(post);
  return (
    <article className="post" {...(indexed ? searchMeta(post, dateLocale, timezone) : {})}>
      <PostHeader post={post} locale={dateLocale} timezone={timezone} indexed={indexed} />
      <ProblemList problems={problems} title={`Problems in ${post.source}`} />
      <div className={`post-content${toc ? " has-toc" : ""}`}>
        {toc && <TableOfContents headings={headings} />}
        <div
          className="prose post-body"
          data-pagefind-body={indexed ? "" : undefined}
          dangerouslySetInnerHTML={{ __html: html }}
          // public/js/site.js adds copy buttons here, possibly before React hydrates (dev, client_runtime: true).
          suppressHydrationWarning
        />
      </div>
      <footer className="post-footer">
        <TagList tags={post.tags} />
        {withProfiles.length > 0 && (
          <section className="post-authors" aria-labelledby="about-authors">
            <h2 id="about-authors">About the author{withProfiles.length > 1 ? "s" : ""}</h2>
            {withProfiles.map((author) => (
              <AuthorCard key={author.slug} author={author} />
            ))}
          </section>
        )}
        <RelatedPosts posts={related} locale={dateLocale} timezone={timezone} />
        {(previous || next) && (
          <nav className="post-nav" aria-label="More posts">
            {next ? (
              <a className="post-nav-link" href={linkTo(next.url)} rel="next">
                <span className="post-nav-label">Newer post</span>
                <span className="post-nav-title">{next.title}</span>
              </a>
            ) : (
              <span />
            )}
            {previous && (
              <a className="post-nav-link post-nav-previous" href={linkTo(previous.url)} rel="prev">
                <span className="post-nav-label">Older post</span>
                <span className="post-nav-title">{previous.title}</span>
              </a>
            )}
          </nav>
        )}
      </footer>
    </article>
  );
}

/**
 * What search results show besides the title and excerpt. Pagefind (run over
 * the export by scripts/build.mjs) indexes only elements marked
 * data-pagefind-body: the title and body of published posts (see PostHeader),
 * so listings, the 404 page and redirects are not in the index; metadata is
 * read from anywhere on an indexed page.
 */
function searchMeta(post: SitePost, locale: string, timezone: string): Record<string, string> {
  return {
    "data-date": formatDate(post.date, locale, timezone),
    "data-datetime": post.date.toISOString(),
    "data-category": post.categories.map((c) => c.name).join(", "),
    // The post's URL: Pagefind's is the file's path, `/a.html` for a post at `/a` (see exportPathOf).
    "data-url": linkTo(post.url),
    "data-pagefind-meta": "date[data-date], datetime[data-datetime], category[data-category], url[data-url]",
    "data-pagefind-sort": "date[data-datetime]",
  };
}
