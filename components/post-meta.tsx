import type { Author } from "@/lib/content/post";
import { readingMinutes } from "@/lib/format";
import { AuthorByline } from "./author-byline";
import { PostDate } from "./post-date";

export interface PostMetaProps {
  authors: readonly Author[];
  date: Date;
  wordCount: number;
  locale: string;
  timezone: string;
  avatarSize?: number;
}

/** Byline, date and reading time: the line under every post title. */
export function PostMeta({ authors, date, wordCount, locale, timezone, avatarSize }: PostMetaProps) {
  return (
    <div className="post-meta">
      <AuthorByline authors={authors} avatarSize={avatarSize} />
      <span className="post-meta-details">
        <PostDate date={date} locale={locale} timezone={timezone} />
        <span aria-hidden="true"> · </span>
        <span>{readingMinutes(wordCount)} min read</span>
      </span>
    </div>
  );
}
