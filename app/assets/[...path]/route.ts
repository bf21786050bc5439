import { readAsset } from "@/lib/content/assets";
import { getSite } from "@/lib/site";

// The content folder's assets/ (images, downloads), copied into the export and served by `next dev`.
export const dynamic = "force-static";
export const dynamicParams = false;

const TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", avif: "image/avif",
  svg: "image/svg+xml", pdf: "application/pdf", txt: "text/plain; charset=utf-8", json: "application/json", zip: "application/zip",
};

/** Stands in when a site has no assets: `output: "export"` rejects an empty param list (vercel/next.js#61213). */
const EMPTY_MARKER = ".no-assets";

export function generateStaticParams(): { path: string[] }[] {
  const params = [...getSite().assets.files.keys()].map((url) => ({ path: url.split("/").slice(2) }));
  return params.length > 0 ? params : [{ path: [EMPTY_MARKER] }];
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  if (path.join("/") === EMPTY_MARKER) return new Response("", { headers: { "Content-Type": "text/plain" } });
  const url = `/assets/${path.join("/")}`;
  const bytes = readAsset(getSite().assets, url);
  if (!bytes) return new Response("Not found", { status: 404 });
  const extension = url.split(".").pop()?.toLowerCase() ?? "";
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": TYPES[extension] ?? "application/octet-stream" } });
}
