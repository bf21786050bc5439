import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchiveView } from "@/components/views/archive-view";
import { ListingView } from "@/components/views/listing-view";
import { PostView } from "@/components/views/post-view";
import { RedirectView } from "@/components/views/redirect-view";
import { SearchView } from "@/components/views/search-view";
import { absoluteUrl } from "@/lib/format";
import { renderPost } from "@/lib/markdown";
import { findRoute, getSite, neighbours, problemsOf, segmentsOf } from "@/lib/site";
import { relatedPosts } from "@/lib/site/related";
import { reportProblemsOnce } from "@/lib/site/report";

// Every URL comes from the site model's route table; anything else is a 404.
export const dynamicParams = false;

type Params = Promise<{ slug?: string[] }>;

export function generateStaticParams(): { slug: string[] }[] {
  const site = getSite();
  reportProblemsOnce(site);
  return [...site.routes.values()].map((route) => ({ slug: segmentsOf(route.path) }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug = [] } = await params;
  const site = getSite();
  const route = findRoute(site, slug);
  if (!route) return {};
  const canonical = (path: string) => ({ canonical: absoluteUrl(site.config.url, path) });
  switch (route.kind) {
    case "post":
      return { title: route.post.title, description: route.post.excerpt || undefined, alternates: canonical(route.post.url) };
    case "listing": {
      const { listing, page } = route;
      const base = listing.kind === "home" ? undefined : listing.kind === "tag" ? `#${listing.title}` : listing.title;
      const title = page > 1 ? `${base ?? "Posts"} – page ${page}` : base;
      return {
        title: title ?? { absolute: site.config.title },
        description: listing.author?.description || site.config.description || undefined,
        alternates: canonical(route.path === "/" ? listing.path : route.path),
      };
    }
    case "archive":
      return { title: "Archive", alternates: canonical(route.path) };
    case "search":
      return { title: "Search", alternates: canonical(route.path) };
    case "redirect":
      return { title: "Page moved", alternates: canonical(route.to), robots: { index: false } };
  }
}

export default async function CatchAllPage({ params }: { params: Params }) {
  const { slug = [] } = await params;
  const site = getSite();
  const route = findRoute(site, slug);
  if (!route) notFound();
  const devProblems = process.env.NODE_ENV === "development";
  switch (route.kind) {
    case "post": {
      const { post } = route;
      const rendered = await renderPost(post, site.renderContext);
      const { previous, next } = neighbours(site, post);
      return (
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
      );
    }
    case "listing":
      return (
        <ListingView
          site={site}
          listing={route.listing}
          page={route.page}
          pageCount={route.pageCount}
          problems={devProblems && route.listing.kind === "home" && route.page === 1 ? site.problems.filter((p) => p.severity !== "info") : []}
        />
      );
    case "archive":
      return <ArchiveView site={site} />;
    case "search":
      return <SearchView site={site} path={route.path} />;
    case "redirect":
      // Root-relative, so the redirect stays on whichever host serves the export (preview, staging).
      return <RedirectView to={encodeURI(route.to)} />;
  }
}
