import type { Author } from "@/lib/content/post";
import { AuthorAvatar } from "./author-avatar";
import { linkTo } from "@/lib/site/href";

export interface AuthorCardProps {
  author: Author;
  /** The heading level the card's name takes in the page outline. */
  headingLevel?: 1 | 2 | 3;
  /** Link the name to the author's page (not on the author's own page). */
  linkName?: boolean;
}

/** Avatar, full name, bio and links. Bios in Jekyll profiles are written to follow the name. */
export function AuthorCard({ author, headingLevel = 3, linkName = true }: AuthorCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="author-card">
      <AuthorAvatar author={author} size={headingLevel === 1 ? 96 : 64} />
      <div>
        <Heading className="author-card-name">
          {linkName ? <a href={linkTo(author.url)}>{author.fullName}</a> : author.fullName}
        </Heading>
        {author.description && (
          <p className="author-card-bio">
            {startsWithVerb(author.description) ? `${author.name} ${author.description}` : author.description}
          </p>
        )}
        {author.links.length > 0 && (
          <ul className="author-card-links">
            {author.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** "is a Java developer..." reads as a sentence after the name; "Jan is..." does not need it. */
function startsWithVerb(description: string): boolean {
  return /^(is|was|has|works|loves|likes|belongs|writes|leads|joined)\b/.test(description);
}
