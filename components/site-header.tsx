import { ThemeToggle } from "./theme-toggle";
import { linkTo } from "@/lib/site/href";

export interface SiteHeaderProps {
  title: string;
  homePath: string;
  archivePath: string;
  searchPath: string;
}

export function SiteHeader({ title, homePath, archivePath, searchPath }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header-inner">
        <a className="site-title" href={linkTo(homePath)}>
          <span className="site-logo" aria-hidden="true">
            {"</>"}
          </span>
          {title}
        </a>
        <div className="site-header-end">
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <a href={linkTo(homePath)}>Posts</a>
              </li>
              <li>
                <a href={linkTo(archivePath)}>Archive</a>
              </li>
              <li>
                {/* site.js binds the "/" key to this link (or to the search field on the search page). */}
                <a href={linkTo(searchPath)} data-search-link="" aria-keyshortcuts="/">
                  Search
                </a>
              </li>
            </ul>
          </nav>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
