export interface RedirectViewProps {
  /** The page's new address (a root-relative URL). */
  to: string;
}

/** An old URL that moved. Static hosts cannot send 301s, so: meta refresh, canonical, and a link. */
export function RedirectView({ to }: RedirectViewProps) {
  return (
    <div className="redirect">
      <meta httpEquiv="refresh" content={`0; url=${to}`} />
      <h1>This page has moved</h1>
      <p>
        It is now at <a href={to}>{to}</a>.
      </p>
    </div>
  );
}
