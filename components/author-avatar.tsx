import type { Author } from "@/lib/content/post";
import { linkTo } from "@/lib/site/href";

export interface AuthorAvatarProps {
  author: Author;
  size: number;
}

/** The author's picture, or their initials when the profile has none (never a broken image). */
export function AuthorAvatar({ author, size }: AuthorAvatarProps) {
  if (author.avatar?.exists) {
    return (
      <img className="avatar" src={linkTo(author.avatar.src)} alt="" width={size} height={size} loading="lazy" decoding="async" />
    );
  }
  const initials = author.fullName
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <span className="avatar avatar-initials" style={{ width: size, height: size, fontSize: size * 0.4 }} aria-hidden="true">
      {initials}
    </span>
  );
}
