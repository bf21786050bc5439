import type { TagArguments, TagProblem } from "./types";

export type { TagArguments };

export interface ParsedArguments {
  args: TagArguments;
  problems: TagProblem[];
}

const QUOTES = new Set(['"', "'"]);
/** `key=` at the current position, blanks allowed around `=`. */
const KEY_AT = /^([A-Za-z_][\w-]*)\s*=/;

/**
 * Lenient on purpose: Jekyll plugins matched arguments with regular
 * expressions, so posts carry slips such as `image="/a.svg""` that rendered
 * fine there. We read what was meant and report the slip.
 */
export function parseArguments(markup: string): ParsedArguments {
  const named = new Map<string, string>();
  const positional: string[] = [];
  const problems: TagProblem[] = [];
  let i = 0;

  const strayQuote = () => {
    problems.push({
      rule: "liquid/bad-argument",
      message: "Stray quote in the tag's arguments",
      found: markup.trim(),
      expected: 'key="value" pairs, each value in one pair of quotes',
      hint: "Remove the extra quote character.",
    });
  };

  /** Reads a quoted string starting at the quote; undefined if it never closes. */
  const readQuoted = (): string | undefined => {
    const quote = markup[i];
    const close = markup.indexOf(quote ?? "", i + 1);
    if (close < 0) return undefined;
    const value = markup.slice(i + 1, close);
    i = close + 1;
    // `"value""`: a doubled closing quote, seen in real posts.
    if (markup[i] === quote && (i + 1 >= markup.length || /\s/.test(markup[i + 1] ?? ""))) {
      strayQuote();
      i += 1;
    }
    return value;
  };

  /** An unquoted value: up to a blank or a quote. */
  const readWord = (): string => {
    const start = i;
    while (i < markup.length && !/\s/.test(markup[i] ?? "") && !QUOTES.has(markup[i] ?? "")) i += 1;
    return markup.slice(start, i);
  };

  const skipBlank = () => {
    while (i < markup.length && /\s/.test(markup[i] ?? "")) i += 1;
  };

  while (true) {
    skipBlank();
    if (i >= markup.length) break;
    const char = markup[i] ?? "";

    if (QUOTES.has(char)) {
      const start = i;
      const value = readQuoted();
      if (value === undefined) {
        strayQuote();
        i = start + 1;
      } else positional.push(value);
      continue;
    }

    const key = KEY_AT.exec(markup.slice(i));
    if (!key?.[1]) {
      // A bare value runs to the next blank: URLs carry `=` and `&`.
      const start = i;
      while (i < markup.length && !/\s/.test(markup[i] ?? "")) i += 1;
      positional.push(markup.slice(start, i));
      continue;
    }

    const word = key[1];
    i += key[0].length;
    skipBlank();
    const start = i;
    let value: string | undefined;
    if (QUOTES.has(markup[i] ?? "")) {
      value = readQuoted();
      if (value === undefined) {
        strayQuote();
        i = start + 1;
        value = readWord();
      }
    } else {
      value = readWord();
    }
    if (value === "" && start === i) {
      problems.push({
        rule: "liquid/bad-argument",
        message: `Argument \`${word}\` has no value`,
        found: markup.trim(),
        expected: `${word}="..."`,
      });
    }
    named.set(word, value);
  }

  return { args: { markup, named, positional }, problems };
}

/** A flag given bare (`lightbox`) or as `lightbox="true"`. */
export function flag(args: TagArguments, name: string): boolean {
  const value = args.named.get(name);
  if (value !== undefined) return /^(true|yes|1)$/i.test(value.trim());
  return args.positional.includes(name);
}

/** Warnings for arguments a tag does not know, so typos do not pass silently. */
export function unknownArguments(
  tag: string,
  args: TagArguments,
  known: { named: readonly string[]; flags?: readonly string[]; positional?: number },
): TagProblem[] {
  const problems: TagProblem[] = [];
  const expected = [...known.named.map((name) => `${name}="..."`), ...(known.flags ?? [])].join(", ");
  for (const name of args.named.keys()) {
    if (!known.named.includes(name) && !(known.flags ?? []).includes(name)) {
      problems.push({
        rule: "liquid/bad-argument",
        message: `{% ${tag} %} has no argument \`${name}\``,
        found: name,
        expected,
      });
    }
  }
  const bare = args.positional.filter((value) => !(known.flags ?? []).includes(value));
  for (const value of bare.slice(known.positional ?? 0)) {
    problems.push({
      rule: "liquid/bad-argument",
      message: `{% ${tag} %} does not take the value \`${value}\``,
      found: value,
      expected,
    });
  }
  return problems;
}

/**
 * A named argument that must be one of a few words (`align="right"`), lowercased;
 * the fallback, and a problem, when it is something else.
 */
export function choice(args: TagArguments, tag: string, name: string, allowed: readonly string[], fallback: string, problems: TagProblem[]): string {
  const value = args.named.get(name)?.trim().toLowerCase();
  if (value === undefined) return fallback;
  if (allowed.includes(value)) return value;
  problems.push({
    rule: "liquid/bad-argument",
    message: `{% ${tag} %} ${name} must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}`,
    found: value,
    expected: allowed.join(", "),
  });
  return fallback;
}
