export interface SiteFooterProps {
  title: string;
  description: string;
}

export function SiteFooter({ title, description }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          <strong>{title}</strong>
          {description && <> · {description}</>}
        </p>
        <p className="site-footer-small">Written in Markdown, reviewed in pull requests, built as a static site.</p>
      </div>
    </footer>
  );
}
