import type { ContentProblem } from "@/lib/content/problems";
import { pluralize } from "@/lib/format";
import { listingPagePath, postsOnPage, type Listing, type Site } from "@/lib/site";
import { AuthorCard } from "../author-card";
import { Pagination } from "../pagination";
import { PostCard } from "../post-card";
import { ProblemList } from "../problem-list";

export interface ListingViewProps {
  site: Site;
  listing: Listing;
  page: number;
  pageCount: number;
  /** Shown in `next dev` only. */
  problems: readonly ContentProblem[];
}

const KIND_LABEL = { home: "", category: "Category", tag: "Tag", author: "Author" } as const;

/** The index, a category, a tag or an author: a heading, then one page of post cards. */
export function ListingView({ site, listing, page, pageCount, problems }: ListingViewProps) {
  const { config } = site;
  const posts = postsOnPage(config, listing, page);
  return (
    <div className="listing">
      <header className="listing-header">
        {listing.kind === "author" && listing.author ? (
          <AuthorCard author={listing.author} headingLevel={1} linkName={false} />
        ) : (
          <>
            {KIND_LABEL[listing.kind] && <p className="listing-kicker">{KIND_LABEL[listing.kind]}</p>}
            <h1 className="listing-title">{listing.kind === "tag" ? `#${listing.title}` : listing.title}</h1>
            {listing.kind === "home" && config.description && <p className="listing-description">{config.description}</p>}
          </>
        )}
        <p className="listing-count">
          {pluralize(listing.posts.length, "post")}
          {pageCount > 1 && ` · page ${page} of ${pageCount}`}
        </p>
      </header>
      <ProblemList problems={problems} title={`${pluralize(problems.length, "content problem")} in this blog (shown in development only)`} />
      <div className="post-list">
        {posts.map((post, index) => (
          <PostCard key={post.source} post={post} locale={config.dateLocale} timezone={config.timezone} eager={index < 2} />
        ))}
      </div>
      <Pagination page={page} pageCount={pageCount} hrefOf={(n) => listingPagePath(config, listing, n)} />
    </div>
  );
}
