import fs from "node:fs";
import path from "node:path";
import { problem, type ContentProblem } from "@/lib/content/problems";
import { notUtf8Problem } from "@/lib/content/text";
import { parseConfig, type ConfigSource, type SiteConfig } from "./index";

/**
 * The site's settings as read from its config files: `_config.yml`, or the
 * comma-separated list in BLOG_CONFIG (paths relative to the content root, or
 * absolute), later files overriding earlier ones, like Jekyll's --config.
 * Also read by next.config.js (for `baseurl`), so it loads without Next.js.
 */
export function readConfig(root: string): { config: SiteConfig; problems: ContentProblem[]; sources: ConfigSource[] } {
  const problems: ContentProblem[] = [];
  const sources = configFiles(root).flatMap((file) => {
    const read = readIfPresent(path.resolve(root, file));
    if ("error" in read) {
      // Not a missing file: building with the defaults would move every URL.
      problems.push(problem({ rule: "file/unreadable", file, message: `Cannot read the config file: ${read.error}`, expected: "a readable YAML file", hint: "check the file's permissions, or that it is a file and not a folder" }));
    } else if (read.text === undefined && file !== "_config.yml") {
      problems.push(problem({ rule: "config/invalid", file, message: `Config file ${file} (from BLOG_CONFIG) does not exist`, blocksBuild: true }));
    } else if (read.text?.includes("\uFFFD")) {
      // Saved in another encoding: YAML would report whatever the stray bytes break, not the encoding.
      const notUtf8 = notUtf8Problem(fs.readFileSync(path.resolve(root, file)), file);
      if (notUtf8) {
        problems.push(notUtf8);
        return [];
      }
    }
    return "text" in read && read.text !== undefined ? [{ file, text: read.text }] : [];
  });
  const parsed = parseConfig(sources);
  return { config: parsed.config, problems: [...problems, ...parsed.problems], sources };
}

/** The config files' text, for cache keys: settings can change without any content file changing. */
export function configText(root: string): string {
  return configFiles(root).map((file) => readOptional(path.resolve(root, file)) ?? "").join("\0");
}

function configFiles(root: string): string[] {
  const list = process.env.BLOG_CONFIG?.split(",").map((f) => f.trim()).filter(Boolean);
  return list && list.length > 0 ? list.map((f) => (path.isAbsolute(f) ? path.relative(root, f) || f : f)) : ["_config.yml"];
}

function readOptional(file: string): string | undefined {
  const read = readIfPresent(file);
  return "text" in read ? read.text : undefined;
}

/** A file's text; no text if there is no such file; the error if there is one that cannot be read. */
export function readIfPresent(file: string): { text: string | undefined } | { error: string } {
  try {
    return { text: fs.readFileSync(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? { text: undefined } : { error: (error as Error).message };
  }
}
