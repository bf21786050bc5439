import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CanonicalLink } from "@/components/canonical-link";
import { JsonLd } from "@/components/json-ld";
import { ArchiveView } from "@/components/views/archive-view";
import { ListingView } from "@/components/views/listing-view";
import { PostView } from "@/components/views/post-view";
import { RedirectView } from "@/components/views/redirect-view";
import { SearchView } from "@/components/views/search-view";
import { feedSpecs, findFeed } from "@/lib/feeds";
import { renderPost } from "@/lib/markdown";
import { routeJsonLd } from "@/lib/seo/json-ld";
import { canonicalPathOf, routeMetadata, writesOwnCanonical } from "@/lib/seo/metadata";
import { exportPathOf, findRoute, getSite, isServedFromHtmlFile, neighbours, pathOfSegments, problemsOf, segmentsOf } from "@/lib/site";
import { relatedPosts } from "@/lib/site/related";
import { reportProblemsOnce } from "@/lib/site/report";
import { linkTo } from "@/lib/site/href";
import { absoluteUrl } from "@/lib/format";

// Every URL comes from the site model's route table; anything else is a 404.
export const dynamicParams = false;

type Params = Promise<{ slug?: string[] }>;

export function generateStaticParams(): { slug: string[] }[] {
  const site = getSite();
  reportProblemsOnce(site);
  const pages = [...site.routes.values()].map((route) => ({ slug: segmentsOf(exportPathOf(route.path)) }));
  if (process.env.NODE_ENV !== "development") return pages;
  // `next dev` serves pages at their URLs (`/a` as well as `/a.html`), and static files and feeds at their public URLs (see devFileLocation).
  const urls = [...site.routes.values()].filter((route) => isServedFromHtmlFile(route.path)).map((route) => route.path);
  const files = [...site.staticFiles.keys(), ...feedSpecs(site).map((spec) => spec.path)];
  return [...pages, ...[...urls, ...files].map((path) => ({ slug: segmentsOf(path) }))];
}

/**
 * In `next dev`, where a static file or a feed is served: the routes that
 * generate them have fixed folders (/static-files/, /feeds/), and the export
 * moves their output to the public paths (scripts/finalize-export.mjs).
 */
function devFileLocation(site: ReturnType<typeof getSite>, slug: readonly string[]): string | undefined {
  if (process.env.NODE_ENV !== "development") return undefined;
  const path = pathOfSegments(slug);
  if (site.staticFiles.has(path)) return `/static-files${path}`;
  if (findFeed(site, path)) return `/feeds${path}`;
  return undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug = [] } = await params;
  const site = getSite();
  const route = findRoute(site, slug);
  if (!route) return {};
  return routeMetadata(site, route);
}

export default async function CatchAllPage({ params }: { params: Params }) {
  const { slug = [] } = await params;
  const site = getSite();
  const route = findRoute(site, slug);
  if (!route) {
    const file = devFileLocation(site, slug);
    if (file) redirect(linkTo(file));
    notFound();
  }
  const devProblems = process.env.NODE_ENV === "development";
  const jsonLd = routeJsonLd(site, route);
  const canonical = writesOwnCanonical(route) && (
    <CanonicalLink url={absoluteUrl(site.config.rootUrl, canonicalPathOf(route))} openGraph={route.kind !== "redirect"} />
  );
  const headTags = (
    <>
      {canonical}
      {jsonLd && <JsonLd data={jsonLd} />}
    </>
  );
  switch (route.kind) {
    case "post": {
      const { post } = route;
      const rendered = await renderPost(post, site.renderContext);
      const { previous, next } = neighbours(site, post);
      return (
        <>
          {headTags}
          <PostView
            site={site}
            post={post}
            html={rendered.html}
            headings={rendered.headings}
            next={next}
            previous={previous}
            related={relatedPosts(site, post)}
            problems={devProblems ? [...problemsOf(site, post.source), ...rendered.problems] : []}
          />
        </>
      );
    }
    case "listing":
      return (
        <>
          {headTags}
          <ListingView
            site={site}
            listing={route.listing}
            page={route.page}
            pageCount={route.pageCount}
            problems={devProblems && route.listing.kind === "home" && route.page === 1 ? site.problems.filter((p) => p.severity !== "info") : []}
          />
        </>
      );
    case "archive":
      return (
        <>
          {headTags}
          <ArchiveView site={site} />
        </>
      );
    case "search":
      return (
        <>
          {headTags}
          <SearchView site={site} path={route.path} />
        </>
      );
    case "redirect":
      // Root-relative, so the redirect stays on whichever host serves the export (preview, staging).
      return (
        <>
          {headTags}
          <RedirectView to={linkTo(route.to)} />
        </>
      );
  }
}
