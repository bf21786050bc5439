import fs from "node:fs";
import path from "node:path";
import { problem, type ContentProblem } from "@/lib/content/problems";
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
    const text = readOptional(path.resolve(root, file));
    if (text === undefined && file !== "_config.yml") {
      problems.push(problem({ rule: "config/invalid", file, message: `Config file ${file} (from BLOG_CONFIG) does not exist`, blocksBuild: true }));
    }
    return text === undefined ? [] : [{ file, text }];
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
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
