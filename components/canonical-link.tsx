export interface CanonicalLinkProps {
  /** The page's absolute canonical URL. */
  url: string;
  /** Also as Open Graph's og:url (not on redirect pages). */
  openGraph: boolean;
}

/**
 * The canonical link (and og:url) of a page whose URL Next.js's metadata would
 * end with a slash: `/a`, served from `a.html` (see writesOwnCanonical).
 * React places both in the document's <head>.
 */
export function CanonicalLink({ url, openGraph }: CanonicalLinkProps) {
  return (
    <>
      <link rel="canonical" href={url} />
      {openGraph && <meta property="og:url" content={url} />}
    </>
  );
}
