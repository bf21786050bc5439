import { describeProblem, type ContentProblem } from "@/lib/content/problems";

export interface ProblemListProps {
  problems: readonly ContentProblem[];
  title: string;
  /** Show at most this many; a blog with thousands of warnings gets a summary, not a wall. */
  limit?: number;
}

/** Content problems shown on the page itself in `next dev`, so authors see them where they look. */
export function ProblemList({ problems, title, limit = 50 }: ProblemListProps) {
  if (problems.length === 0) return null;
  const errorsFirst = [...problems].sort((a, b) => Number(b.severity === "error") - Number(a.severity === "error"));
  return (
    <aside className="problem-list" aria-label="Content problems">
      <p className="problem-list-title">{title}</p>
      {problems.length > limit && (
        <p>
          The first {limit}, errors first; <code>npm run check</code> lists all {problems.length}.
        </p>
      )}
      <ul>
        {errorsFirst.slice(0, limit).map((p, index) => (
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
