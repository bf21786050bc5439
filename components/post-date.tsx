import { formatDate } from "@/lib/format";

export interface PostDateProps {
  date: Date;
  locale: string;
  timezone: string;
}

/** A date as readers see it, with the machine-readable instant in `dateTime`. */
export function PostDate({ date, locale, timezone }: PostDateProps) {
  return <time dateTime={date.toISOString()}>{formatDate(date, locale, timezone)}</time>;
}
