import { linkTo } from "@/lib/site/href";
export interface PaginationProps {
  page: number;
  pageCount: number;
  /** URL path of page n. */
  hrefOf: (n: number) => string;
}

/** Previous/next and numbered pages; a nav landmark with the current page marked for screen readers. */
export function Pagination({ page, pageCount, hrefOf }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <a href={linkTo(hrefOf(page - 1))} rel="prev">
          ← Newer
        </a>
      ) : (
        <span className="pagination-placeholder" />
      )}
      <ol>
        {pageNumbers(page, pageCount).map((n, index) =>
          n === 0 ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a href={linkTo(hrefOf(n))} aria-current={n === page ? "page" : undefined} aria-label={`Page ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <a href={linkTo(hrefOf(page + 1))} rel="next">
          Older →
        </a>
      ) : (
        <span className="pagination-placeholder" />
      )}
    </nav>
  );
}

/** First, last, and two on each side of the current page; 0 marks a gap. */
function pageNumbers(page: number, count: number): number[] {
  const numbers: number[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - page) <= 2) numbers.push(n);
    else if (numbers.at(-1) !== 0) numbers.push(0);
  }
  return numbers;
}
