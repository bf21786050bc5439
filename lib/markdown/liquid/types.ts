import type { Element } from "hast";

/** What a post's Liquid can see and resolve; built by the caller from the site model. */
export interface LiquidContext {
  /** `{{ site.* }}`: the _config.yml values. */
  site: Record<string, unknown>;
  /** `{{ page.* }}`: front matter plus url, date, title... */
  page: Record<string, unknown>;
  /** `{% post_url 2016-03-08-some-post %}` -> URL path, undefined if there is no such post. */
  postUrl(name: string): string | undefined;
  /** `{% link _posts/2016-03-08-x.md %}` -> URL path, undefined if there is no such file. */
  linkUrl(path: string): string | undefined;
  /** Text of `_includes/NAME`, undefined if missing. */
  readInclude(name: string): string | undefined;
  /** `{% include_relative NAME %}`: the file's path from the content root and its text (undefined if missing), or undefined for a name with `..`. */
  readIncludeRelative(name: string): { path: string; text?: string } | undefined;
  /** An image under the content's assets/ by URL path, undefined if missing. */
  asset(urlPath: string): { width?: number; height?: number } | undefined;
}

export type LiquidRule =
  | "liquid/syntax"
  | "liquid/unknown-tag"
  | "liquid/missing-include"
  | "liquid/bad-argument"
  | "liquid/unknown-post"
  | "liquid/undefined-variable"
  | "liquid/unknown-filter"
  | "images/missing";

export interface LiquidProblem {
  rule: LiquidRule;
  /** 1-based, relative to the body. */
  line: number;
  message: string;
  found?: string;
  expected?: string;
  hint?: string;
}

/** A problem as a tag renderer reports it: the engine knows the line. */
export type TagProblem = Omit<LiquidProblem, "line">;

export interface LiquidResult {
  /** The body with Liquid rendered; final HTML left as `<!--liquid-block:N-->` placeholders. */
  markdown: string;
  /** Placeholder id -> the element that replaces it (see rehypeLiquidBlocks). */
  blocks: Map<string, Element>;
  problems: LiquidProblem[];
  /** Maps a line of `markdown` to the line of the body it came from (`{% comment %}` and `{% capture %}` blocks print no lines). */
  originalLine: (line: number) => number;
}

/**
 * A custom tag's arguments as written in the post:
 * `{% image_custom image="/a.png" width=50 caption='A_b' lightbox %}` or
 * `{% twitter https://twitter.com/user/status/1 %}`.
 */
export interface TagArguments {
  /** The markup after the tag name, as written. */
  readonly markup: string;
  /** `key="value"`, `key='value'` and `key=value`; a later duplicate wins. */
  readonly named: ReadonlyMap<string, string>;
  /** Values without a key, in order: a URL, or a flag such as `lightbox`. */
  readonly positional: readonly string[];
}

export interface TagOutput {
  /** The final HTML, as hast; nothing is rendered when absent. */
  element?: Element;
  problems?: TagProblem[];
}

/** One site-specific tag: arguments in, an element out. Registered by name in tags/index.ts. */
export type TagRenderer = (args: TagArguments, ctx: LiquidContext) => TagOutput;
