import { getSite } from "@/lib/site";
import { linkTo } from "@/lib/site/href";

export default function NotFound() {
  const { config, posts } = getSite();
  return (
    <div className="not-found">
      <p className="listing-kicker">404</p>
      <h1 className="listing-title">Page not found</h1>
      <p>The page you are looking for does not exist or has moved.</p>
      <p>
        <a href={linkTo(config.routes.home)}>Go to the latest posts</a> or browse the{" "}
        <a href={linkTo(config.routes.archive)}>archive</a>.
      </p>
      {posts.length > 0 && (
        <>
          <h2>Recent posts</h2>
          <ul>
            {posts.slice(0, 5).map((post) => (
              <li key={post.source}>
                <a href={linkTo(post.url)}>{post.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
