import { describeProblem, type ContentProblem } from "@/lib/content/problems";

export interface ProblemListProps {
  problems: readonly ContentProblem[];
  title: string;
}

/** Content problems shown on the page itself in `next dev`, so authors see them where they look. */
export function ProblemList({ problems, title }: ProblemListProps) {
  if (problems.length === 0) return null;
  return (
    <aside className="problem-list" aria-label="Content problems">
      <p className="problem-list-title">{title}</p>
      <ul>
        {problems.map((p, index) => (
          <li key={index} className={`problem-${p.severity}`}>
            <code>
              {p.file}:{p.line ?? 1}
            </code>{" "}
            <strong>{p.severity}</strong> <code>{p.rule}</code> {describeProblem(p)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
