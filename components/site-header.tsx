export interface SiteHeaderProps {
  title: string;
  homePath: string;
  archivePath: string;
}

export function SiteHeader({ title, homePath, archivePath }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header-inner">
        <a className="site-title" href={encodeURI(homePath)}>
          <span className="site-logo" aria-hidden="true">
            {"</>"}
          </span>
          {title}
        </a>
        <nav aria-label="Main">
          <ul className="site-nav">
            <li>
              <a href={encodeURI(homePath)}>Posts</a>
            </li>
            <li>
              <a href={encodeURI(archivePath)}>Archive</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
