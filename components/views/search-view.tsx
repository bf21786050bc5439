import type { Site } from "@/lib/site";
import { linkTo } from "@/lib/site/href";

/** Status line, result list and "more" button, filled in by public/js/search.js. */
const SEARCH_OUTPUT =
  '<p class="search-status" role="status" data-search-status=""></p>' +
  '<ol class="search-results" data-search-results="" hidden=""></ol>' +
  '<button type="button" class="search-more" data-search-more="" hidden="">Show more results</button>';

export interface SearchViewProps {
  site: Site;
  /** URL path of this page: the form submits to it. */
  path: string;
}

/**
 * The search page. Searching runs in the browser (public/js/search.js over
 * the Pagefind index that scripts/build.mjs writes to /pagefind/), because a
 * static host has no server to ask. The form is a plain GET form to this page,
 * so `?q=` URLs can be shared and bookmarked; without JavaScript the page says
 * why nothing happens and links to the archive and categories instead.
 */
export function SearchView({ site, path }: SearchViewProps) {
  const { config, categories } = site;
  return (
    <div className="search-page" data-search="" data-pagefind-bundle={linkTo("/pagefind/")} data-base-url={linkTo("/")}>
      <header className="listing-header">
        <h1 className="listing-title">Search</h1>
        <p className="listing-count">
          Search every post by title and text. Press <kbd>/</kbd> on any page of the blog to come here.
        </p>
      </header>
      <form className="search-form" role="search" action={linkTo(path)} method="get">
        <div className="search-field">
          <label htmlFor="search-query">Search posts</label>
          <input id="search-query" type="search" name="q" autoComplete="off" spellCheck={false} data-search-input="" />
        </div>
        {categories.length > 1 && (
          <div className="search-field search-field-category">
            <label htmlFor="search-category">Category</label>
            <select id="search-category" name="category" defaultValue="">
              <option value="">All categories</option>
              {categories.map((category) => (
                <option key={category.key} value={category.title}>
                  {category.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="search-submit">
          Search
        </button>
      </form>
      {/* Shown only without JavaScript: CSS hides it once the <head> script has marked the page (data-js). */}
      <p className="search-noscript">
        Search runs in your browser and needs JavaScript. Without it, browse the{" "}
        <a href={linkTo(config.routes.archive)}>archive</a>
        {categories.length > 0 && (
          <>
            {" "}or a category:{" "}
            {categories.map((category, index) => (
              <span key={category.key}>
                {index > 0 && ", "}
                <a href={linkTo(category.path)}>{category.title}</a>
              </span>
            ))}
          </>
        )}
        .
      </p>
      {/* Set as HTML, not as React elements: when a build ships the client runtime
          (client_runtime: true), React then leaves what search.js changes here alone. */}
      <div className="search-output" dangerouslySetInnerHTML={{ __html: SEARCH_OUTPUT }} />
      <script src={linkTo("/js/search.js")} defer />
    </div>
  );
}
