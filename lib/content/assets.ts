import "server-only";
import fs from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { walkFiles } from "./walk";

/**
 * The static files of the content folder's `assets/`, addressable by URL
 * path (`/assets/...`). Images get their intrinsic size so pages can reserve
 * space for them (no layout shift).
 */
export interface AssetIndex {
  /** The content root (assets live in its `assets/` folder). */
  root: string;
  /** URL path -> file path. */
  files: Map<string, string>;
  lookup(urlPath: string): { file: string; width?: number; height?: number } | undefined;
  /** Every asset's path, size and time: changes when any asset is added, removed or replaced. */
  signature(): string;
}

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
export function indexAssets(root: string): AssetIndex {
  const files = new Map<string, string>();
  walkFiles(path.join(root, "assets"), (file, relative) => files.set(`/assets/${relative}`, file));
  const sizes = new Map<string, { width?: number; height?: number }>();
  return {
    root,
    files,
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

/** The bytes of an asset, for the route that serves `/assets/**`. */
export function readAsset(index: AssetIndex, urlPath: string): Buffer | undefined {
  const found = index.lookup(urlPath);
  return found ? fs.readFileSync(found.file) : undefined;
}
