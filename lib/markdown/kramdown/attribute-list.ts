import type { Properties } from "hast";
import { h } from "hastscript";
import type { KramdownRuleId } from "./rules";

/** What one `{: ...}` holds, already checked: only these reach the HTML. */
export interface AttributeList {
  id?: string;
  classes: string[];
  /** Attribute name (as written) -> value. */
  attributes: Record<string, string>;
  /** Bare names: references to attribute list definitions, such as `toc`. */
  refs: string[];
}

export interface AttributeListProblem {
  reason: string;
  ruleId: KramdownRuleId;
}

export interface ParsedAttributeList {
  list: AttributeList;
  problems: AttributeListProblem[];
}

/**
 * An IAL's braces and body. Quoted values may hold `}`; kramdown's own `\}`
 * escape never reaches us because Markdown already turned it into `}`.
 * An unbalanced quote falls back to the first `}`, so a typo is still
 * recognised (and reported) as an IAL. `{::...}` (extensions) and `{:/...}`
 * (their end tags) are not IALs.
 */
const IAL_BODY = String.raw`(?![:/])((?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*|[^}\n]*)`;
export const IAL = new RegExp(String.raw`\{:${IAL_BODY}\}`);
/** An IAL at the very start of a string, for span IALs right after a link, image, emphasis... */
export const LEADING_IAL = new RegExp(String.raw`^\{:${IAL_BODY}\}`);
/** A line holding nothing but an IAL: a block IAL. */
export const IAL_LINE = new RegExp(String.raw`^[ \t]*\{:${IAL_BODY}\}[ \t]*$`);
/** `{:name: .class #id}`: an attribute list definition. */
export const ALD_LINE = /^[ \t]*\{:([A-Za-z0-9_][\w-]*):(?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*\}[ \t]*$/;

const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
// Protocols a browser would run as script if an IAL put them in href, src or the like.
const SCRIPT_URL = /^(?:javascript|vbscript):/i;
const TOKEN = /\s*(?:#([^\s.#"'=}]+)|\.([^\s.#"'=}]+)|([^\s=."'#}][^\s="'#}]*)=(?:"([^"]*)"|'([^']*)')|([A-Za-z0-9_][\w-]*)(?=\s|$)|(\S+))/y;

/** Parses the body of `{: ...}` (without the braces and colon) and drops what must never be applied. */
export function parseAttributeList(body: string): ParsedAttributeList {
  const list: AttributeList = { classes: [], attributes: {}, refs: [] };
  const problems: AttributeListProblem[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(body); match && match[0].trim() !== ""; match = TOKEN.exec(body)) {
    const [token, id, className, name, doubleQuoted, singleQuoted, ref] = match;
    if (id !== undefined) list.id = id;
    else if (className !== undefined) addClasses(list, className);
    else if (name !== undefined) addAttribute(list, problems, name, doubleQuoted ?? singleQuoted ?? "");
    else if (ref !== undefined) list.refs.push(ref);
    else problems.push({ reason: `Ignored \`${token.trim()}\` in the attribute list \`{:${body}}\`: expected #id, .class or name="value"`, ruleId: "kramdown/invalid-attribute" });
  }
  return { list, problems };
}

function addClasses(list: AttributeList, value: string): void {
  for (const name of value.split(/\s+/)) if (name && !list.classes.includes(name)) list.classes.push(name);
}

function addAttribute(list: AttributeList, problems: AttributeListProblem[], name: string, value: string): void {
  if (/^on/i.test(name)) {
    problems.push({ reason: `Dropped the event handler attribute \`${name}\` from an attribute list`, ruleId: "kramdown/unsafe-attribute" });
  } else if (!ATTRIBUTE_NAME.test(name)) {
    problems.push({ reason: `Ignored \`${name}\` in an attribute list: not a valid attribute name`, ruleId: "kramdown/invalid-attribute" });
  } else if (SCRIPT_URL.test(value.replace(/[\u0000-\u0020]/g, ""))) {
    problems.push({ reason: `Dropped the attribute \`${name}\` from an attribute list: its value is a script URL`, ruleId: "kramdown/unsafe-attribute" });
  } else if (name.toLowerCase() === "class") {
    addClasses(list, value);
  } else if (name.toLowerCase() === "id") {
    if (value.trim()) list.id = value.trim();
  } else {
    list.attributes[name] = value;
  }
}

/**
 * The list as hast properties. hastscript does the attribute -> property
 * mapping (`aria-label` -> `ariaLabel`, `rel` -> a token list), so these merge
 * cleanly with what remark-rehype and later plugins set.
 */
export function toProperties(list: AttributeList): Properties {
  // id and class first: the HTML reads the way authors write attributes.
  const attributes: Record<string, string> = {};
  if (list.id !== undefined) attributes.id = list.id;
  if (list.classes.length > 0) attributes.class = list.classes.join(" ");
  return h("span", { ...attributes, ...list.attributes }).properties;
}

/** Merges `extra` into `base`: class and rel lists are combined, everything else is overwritten. */
export function mergeProperties(base: Properties, extra: Properties): Properties {
  const merged: Properties = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const previous = merged[key];
    if ((key === "className" || key === "rel") && value !== undefined && value !== null) {
      merged[key] = unique([...tokens(previous), ...tokens(value)]);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function tokens(value: Properties[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  return [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
