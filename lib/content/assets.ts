import "server-only";
import fs from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { walkFiles } from "./walk";

/**
 * The content folder's static files, addressable by URL path, as Jekyll
 * copies them into `_site`: every file outside folders and names starting
 * with `_`, `.`, `#` or `~`, other than Jekyll's default and configured
 * `exclude`s, and other than Jekyll pages (files with front matter, which
 * Jekyll renders through the theme; this blog builds posts only). So
 * `/assets/img/a.png`, `/images/a.png` and `/favicon.ico` all work as they
 * did. Images get their intrinsic size so pages can reserve space for them.
 */
export interface AssetIndex {
  /** The content root. */
  root: string;
  /** URL path -> file path. */
  files: Map<string, string>;
  /** Files with front matter outside `_posts/` (Jekyll pages and theme templates), by path relative to the root: not published. */
  pages: string[];
  /** Symbolic links to files outside the content folder, or to nothing, by path relative to the root: not published. */
  outsideLinks: { relative: string; target?: string }[];
  lookup(urlPath: string): { file: string; width?: number; height?: number } | undefined;
  /** Every asset's path, size and time: changes when any asset is added, removed or replaced. */
  signature(): string;
}

/** What Jekyll 4 always excludes, besides names starting with `_`, `.`, `#` or `~`. */
const JEKYLL_EXCLUDES = [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle", "vendor/cache", "vendor/gems", "vendor/ruby"];

/** Extensions that never start with front matter; other files are checked for a leading `---` line. */
const BINARY = /\.(png|jpe?g|gif|webp|avif|ico|bmp|tiff?|pdf|zip|gz|tgz|woff2?|ttf|otf|eot|mp4|webm|mov|mp3|ogg|wav)$/i;

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

export function indexAssets(root: string, settings: { exclude: readonly string[]; include: readonly string[] }): AssetIndex {
  const files = new Map<string, string>();
  const pages: string[] = [];
  const excluded = matcher([...JEKYLL_EXCLUDES, ...settings.exclude]);
  const included = matcher(settings.include);
  const outsideLinks: { relative: string; target?: string }[] = [];
  let realRoot: string | undefined;
  const add = (file: string, relative: string) => {
    if (excluded(relative) && !included(relative)) return;
    if (hasFrontMatter(file)) pages.push(relative);
    else files.set(`/${relative}`, file);
  };
  walkFiles(root, add, (name, relative) => !/^[_.#~]|~$/.test(name) || included(relative), (link, relative) => {
    // A link to a file inside the content folder is that file, as Jekyll copies it; one that leads out of it is not published.
    let target: string | undefined;
    try {
      realRoot ??= fs.realpathSync(root);
      target = fs.realpathSync(link);
    } catch {
      target = undefined;
    }
    if (target && target.startsWith(realRoot + path.sep)) {
      if (fs.statSync(target).isFile()) add(link, relative);
    } else if (!excluded(relative) || included(relative)) {
      outsideLinks.push({ relative, target });
    }
  });
  const sizes = new Map<string, { width?: number; height?: number }>();
  return {
    root,
    files,
    pages: pages.sort(),
    outsideLinks,
    signature() {
      return [...files.entries()]
        .map(([url, file]) => {
          try {
            const stat = fs.statSync(file);
            return `${url}\0${stat.size}\0${stat.mtimeMs}`;
          } catch {
            return `${url}\0missing`;
          }
        })
        .join("\n");
    },
    lookup(urlPath) {
      let decoded: string;
      try {
        decoded = decodeURI(urlPath.split(/[?#]/)[0] ?? "");
      } catch {
        return undefined;
      }
      const file = files.get(decoded);
      if (!file) return undefined;
      if (!IMAGE_EXTENSIONS.test(file)) return { file };
      let size = sizes.get(file);
      if (!size) {
        try {
          const dims = imageSize(fs.readFileSync(file));
          size = { width: dims.width, height: dims.height };
        } catch {
          size = {};
        }
        sizes.set(file, size);
      }
      return { file, ...size };
    },
  };
}

/**
 * Jekyll's `exclude`/`include` matching: an entry names a file or folder by
 * its path from the site root (`scripts`, `docs/drafts/`), or is a glob
 * (`*.psd`, `assets/**\/*.sketch`) matched against the path or its file name.
 */
function matcher(entries: readonly string[]): (relative: string) => boolean {
  const prefixes: string[] = [];
  const globs: RegExp[] = [];
  for (const entry of entries) {
    const clean = entry.trim().replace(/^\.?\/+/, "").replace(/\/+$/, "");
    if (!clean) continue;
    if (/[*?[]/.test(clean)) globs.push(globToRegExp(clean));
    else prefixes.push(clean);
  }
  return (relative) =>
    prefixes.some((p) => relative === p || relative.startsWith(`${p}/`)) ||
    globs.some((g) => g.test(relative) || g.test(relative.slice(relative.lastIndexOf("/") + 1)));
}

/** A Jekyll glob (`*`, `**`, `?`) as a RegExp over paths from the site root; it also matches what is inside a folder it names. */
export function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      pattern += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else pattern += char.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  // A folder pattern covers what is inside it.
  return new RegExp(`^${pattern}(/.*)?$`);
}

/** Jekyll treats a file as a page (not a static file) when it starts with a `---` line. */
function hasFrontMatter(file: string): boolean {
  if (BINARY.test(file)) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(8);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return /^(\uFEFF)?---[ \t]*\r?\n/.test(head.subarray(0, read).toString("utf8"));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The bytes of a static file, for the route that writes it into the export. */
export function readAsset(index: AssetIndex, urlPath: string): Buffer | undefined {
  const found = index.lookup(urlPath);
  return found ? fs.readFileSync(found.file) : undefined;
}
