import { formatDate, readingMinutes } from "@/lib/format";
import { findPostById, postId, type Site } from "@/lib/site";
import { ogImagePath, postShareImage, SITE_CARD_ID } from "./share-image";

/** What a generated Open Graph card shows; components/og-card.tsx lays it out. */
export interface OgCardContent {
  /** Small accent line above the title: the categories. */
  kicker: string;
  title: string;
  /** Lines under the title: authors, then date and reading time. */
  lines: string[];
  siteTitle: string;
  /** The site's host name, bottom right. */
  host: string;
}

/** Ids of every card the build generates: the site card, and one per post shared with its own card. */
export function ogCardIds(site: Site): string[] {
  const ownCards = site.posts.filter((post) => postShareImage(site, post).url.endsWith(ogImagePath(postId(post))));
  return [SITE_CARD_ID, ...ownCards.map(postId)];
}

export function ogCardContent(site: Site, id: string): OgCardContent | undefined {
  const { config } = site;
  const base = { siteTitle: cardText(config.title), host: cardText(new URL(config.url).host) };
  if (id === SITE_CARD_ID) {
    return { ...base, kicker: "", title: cardText(config.title), lines: config.description ? [cardText(config.description)] : [] };
  }
  const post = findPostById(site, id);
  if (!post) return undefined;
  const authors = post.authors.map((a) => a.fullName);
  const byline = authors.length > 1 ? `${authors.slice(0, -1).join(", ")} and ${authors.at(-1)}` : (authors[0] ?? "");
  const date = `${formatDate(post.date, config.dateLocale, config.timezone)} · ${readingMinutes(post.wordCount)} min read`;
  return {
    ...base,
    kicker: cardText(post.categories.map((c) => c.name).join(" · ")),
    title: cardText(post.title),
    lines: [byline, date].filter(Boolean).map(cardText),
  };
}

/**
 * The card font is Inter's Latin subset. For a character it lacks, next/og
 * would download a font or an emoji image at build time, which must work
 * offline; such characters are spelled without accents where possible and
 * dropped otherwise (`Łódź` -> `Lódz`, emoji removed).
 */
export function cardText(text: string): string {
  let result = "";
  for (const char of text.replace(/\s+/g, " ")) {
    if (inCardFont(char)) {
      result += char;
      continue;
    }
    const plain = (SPELLED_OUT[char] ?? char.normalize("NFKD")).replace(/[\u0300-\u036f]/g, "");
    if ([...plain].every(inCardFont)) result += plain;
  }
  return result.replace(/ {2,}/g, " ").trim();
}

// Letters that Unicode does not decompose into a base letter and an accent.
const SPELLED_OUT: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", Ŧ: "T", ŧ: "t", ĸ: "k", Ŀ: "L", ŀ: "l" };

// The code points app/og/inter-latin-*.woff have glyphs for (read from the fonts' cmap), less zero-width ones.
const CARD_FONT_RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0xff], [0x131, 0x131], [0x152, 0x153], [0x2bb, 0x2bc], [0x2c6, 0x2c6], [0x2da, 0x2da],
  [0x2dc, 0x2dc], [0x2002, 0x2002], [0x2009, 0x2009], [0x2013, 0x2014], [0x2018, 0x201a], [0x201c, 0x201e], [0x2022, 0x2022],
  [0x2026, 0x2026], [0x2032, 0x2033], [0x2039, 0x203a], [0x2044, 0x2044], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2191, 0x2191],
  [0x2193, 0x2193], [0x2212, 0x2212],
];

function inCardFont(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return CARD_FONT_RANGES.some(([from, to]) => code >= from && code <= to);
}
