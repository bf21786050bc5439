import type { Heading } from "@/lib/markdown";

export interface TableOfContentsProps {
  headings: readonly Heading[];
}

interface Node {
  heading: Heading;
  children: Node[];
}

/** Nested by heading level, so h3s sit under their h2. */
function nest(headings: readonly Heading[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const heading of headings) {
    const node = { heading, children: [] };
    while (stack.length > 0 && stack.at(-1)!.heading.depth >= heading.depth) stack.pop();
    (stack.at(-1)?.children ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}

function List({ nodes }: { nodes: Node[] }) {
  return (
    <ol>
      {nodes.map(({ heading, children }) => (
        <li key={heading.id}>
          <a href={`#${encodeURIComponent(heading.id)}`}>{heading.text}</a>
          {children.length > 0 && <List nodes={children} />}
        </li>
      ))}
    </ol>
  );
}

/** The post's sections as anchor links: a sidebar on wide screens, a collapsible box above the text on small ones. */
export function TableOfContents({ headings }: TableOfContentsProps) {
  return (
    <nav className="post-toc" aria-labelledby="post-toc-title">
      <details open>
        <summary id="post-toc-title">On this page</summary>
        <List nodes={nest(headings)} />
      </details>
    </nav>
  );
}
