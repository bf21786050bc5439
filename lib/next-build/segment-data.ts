// Stands in for Next.js's `collect-segment-data` module (aliased in next.config.js).
// For every prerendered page, Next decodes the page's RSC payload twice more: once to
// weigh each route segment (gzipping it) into prefetch hints, once to write the segment
// out as a file for its client router to prefetch. Pages built without the client
// runtime never load those files (the export step deletes them), yet producing them
// took half of the time spent generating pages. Only a build that keeps the runtime
// produces them.
import {
  collectPrefetchHints as collectEveryPrefetchHint,
  collectSegmentData as collectEverySegment,
} from "next/dist/esm/server/app-render/collect-segment-data.js";
import { usesClientRuntime } from "@/lib/config";
import { getSite } from "@/lib/site";

type PrefetchHints = Awaited<ReturnType<typeof collectEveryPrefetchHint>>;

function keepsClientRuntime(): boolean {
  return usesClientRuntime(getSite().config);
}

export async function collectPrefetchHints(
  ...args: Parameters<typeof collectEveryPrefetchHint>
): Promise<PrefetchHints | null> {
  // No hints is what Next.js itself records for a page it does not measure.
  return keepsClientRuntime() ? collectEveryPrefetchHint(...args) : null;
}

export async function collectSegmentData(
  ...args: Parameters<typeof collectEverySegment>
): ReturnType<typeof collectEverySegment> {
  return keepsClientRuntime() ? collectEverySegment(...args) : new Map();
}
