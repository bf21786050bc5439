import type { Element } from "hast";
import { h } from "hastscript";
import type { TagProblem } from "./types";

export interface HighlightOptions {
  /** Lowercased; undefined when none was given. */
  language?: string;
  linenos: boolean;
  problems: TagProblem[];
}

/** Names that mean "no highlighting" in Rouge/Pygments. */
const PLAIN = new Set(["text", "plain", "plaintext", "none", "txt", "nohighlight"]);

/**
 * `{% highlight LANG [linenos] %}`. Markup can be sloppy (`{% highlight text%}`,
 * stray punctuation): the language is cleaned up rather than failing the post.
 */
export function parseHighlightMarkup(markup: string): HighlightOptions {
  const problems: TagProblem[] = [];
  const [first = "", ...options] = markup.trim().split(/\s+/).filter(Boolean);
  const cleaned = first.replace(/[^A-Za-z0-9_+#.-]/g, "").toLowerCase();
  let language: string | undefined;
  if (cleaned) language = PLAIN.has(cleaned) ? "text" : cleaned;
  if (!first) {
    // Jekyll stops the build here; the block is shown as plain text.
    problems.push({
      rule: "liquid/bad-argument",
      message: "{% highlight %} names no language; the code is shown as plain text",
      expected: "{% highlight LANGUAGE %}, e.g. {% highlight bash %} or {% highlight text %}",
    });
  } else if (cleaned !== first.toLowerCase()) {
    problems.push({
      rule: "liquid/bad-argument",
      message: "{% highlight %} language name has unexpected characters",
      found: first,
      expected: "a language name such as bash, java or text",
    });
  }

  let linenos = false;
  for (const option of options) {
    if (/^linenos(=\w+)?$/.test(option)) linenos = true;
    // Rouge options we accept but do not act on: the shiki stage styles lines.
    else if (/^(mark_lines|hl_lines|lineanchors)=/.test(option)) continue;
    else {
      problems.push({
        rule: "liquid/bad-argument",
        message: `{% highlight %} has no option \`${option}\``,
        found: option,
        expected: "{% highlight LANGUAGE %} or {% highlight LANGUAGE linenos %}",
      });
    }
  }
  return { language, linenos, problems };
}

/**
 * A code block for the later highlighting stage: `pre > code.language-X`,
 * `data-linenos` on the `pre`. As Jekyll does, line breaks around the code
 * are dropped (the lines after `{% highlight %}` and before
 * `{% endhighlight %}`, and blank ones left by `{% raw %}` there); indentation is kept.
 */
export function highlightElement(code: string, options: { language?: string; linenos: boolean }): Element {
  const text = code.replace(/^[\r\n]+|[\r\n]+$/g, "");
  return h("pre", { dataLinenos: options.linenos ? true : undefined }, [
    h("code", { className: options.language ? [`language-${options.language}`] : undefined }, text),
  ]);
}
