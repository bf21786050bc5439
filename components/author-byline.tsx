import type { Author } from "@/lib/content/post";
import { AuthorAvatar } from "./author-avatar";
import { linkTo } from "@/lib/site/href";

export interface AuthorBylineProps {
  authors: readonly Author[];
  /** Avatar size in pixels; 0 hides avatars (compact lists). */
  avatarSize?: number;
}

/** "Ann Arndt and Jan Doe", each name linking to the author's page, with avatars. */
export function AuthorByline({ authors, avatarSize = 32 }: AuthorBylineProps) {
  if (authors.length === 0) return null;
  return (
    <span className="byline">
      {avatarSize > 0 && (
        <span className="byline-avatars">
          {authors.map((author) => (
            <AuthorAvatar key={author.slug} author={author} size={avatarSize} />
          ))}
        </span>
      )}
      <span className="byline-names">
        {authors.map((author, index) => (
          <span key={author.slug}>
            {index > 0 && (index === authors.length - 1 ? " and " : ", ")}
            <a href={linkTo(author.url)} rel="author">
              {author.fullName}
            </a>
          </span>
        ))}
      </span>
    </span>
  );
}
