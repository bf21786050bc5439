// The search page's script (components/views/search-view.tsx loads it; no
// other page does). Searches the Pagefind index that scripts/build.mjs builds
// over the exported posts, in the browser: a static host has no server.
// Pagefind's own files load on first use, so the page itself stays light.
(() => {
  "use strict";

  const root = document.querySelector("[data-search]");
  if (!root) return;
  const form = root.querySelector("form");
  const input = root.querySelector("[data-search-input]");
  const category = root.querySelector('select[name="category"]');
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const PAGE_SIZE = 10;

  let pagefindLoading;
  function pagefind() {
    pagefindLoading =
      pagefindLoading ||
      import(`${root.dataset.pagefindBundle}pagefind.js`).then(async (api) => {
        // Result URLs are paths in out/; the site is served under its baseurl (data-base-url, "/" without one).
        const baseUrl = root.dataset.baseUrl || "/";
        await api.options({ excerptLength: 28, baseUrl });
        // A large blog's posts are split over several indexes (scripts/search-index.mjs); results come from all of them.
        const base = new URL(root.dataset.pagefindBundle, location.href);
        const response = await fetch(new URL("more-indexes.json", base));
        const more = response.ok ? await response.json() : [];
        for (const index of more) await api.mergeIndex(new URL(index, base).href, { baseUrl });
        return api;
      });
    return pagefindLoading;
  }

  // Results of the latest search, shown PAGE_SIZE at a time.
  let results = [];
  let shown = 0;
  // Each search gets a number, so a slow earlier search cannot overwrite a later one.
  let latest = 0;


  async function search() {
    const query = input.value.trim();
    const filter = category ? category.value : "";
    const id = ++latest;
    updateUrl(query, filter);
    if (!query && !filter) {
      results = [];
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
      status.textContent = "";
      return;
    }
    let found;
    try {
      const api = await pagefind();
      found = await api.search(query || null, filter ? { filters: { category: filter } } : {});
    } catch (error) {
      console.warn("Search index not available:", error);
      if (id === latest) status.textContent = "Search is not available right now: its index could not be loaded.";
      return;
    }
    if (id !== latest) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore(id);
    if (id !== latest) return;
    const where = [query && `for “${query}”`, filter && `in ${filter}`].filter(Boolean).join(" ");
    const count = results.length === 0 ? "No posts" : `${results.length} post${results.length === 1 ? "" : "s"}`;
    status.textContent = `${count} found ${where}.`;
  }

  async function showMore(id) {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    if (id !== latest) return [];
    const items = page.map(renderResult);
    list.append(...items);
    shown += page.length;
    list.hidden = shown === 0;
    more.hidden = shown >= results.length;
    return items;
  }

  // Pagefind's meta values are raw page text, so they go in as text; its
  // excerpt is escaped HTML whose only markup is <mark> around the matches.
  function renderResult(data) {
    const item = document.createElement("li");
    item.className = "search-result";
    const title = document.createElement("h2");
    title.className = "search-result-title";
    const link = document.createElement("a");
    // The post's own URL (its page sets it), over the path of the file Pagefind indexed.
    const url = data.meta.url || data.url;
    link.href = url;
    link.textContent = data.meta.title || url;
    title.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    if (data.meta.date) {
      const time = document.createElement("time");
      if (data.meta.datetime) time.dateTime = data.meta.datetime;
      time.textContent = data.meta.date;
      meta.append(time);
    }
    if (data.meta.category) {
      const badge = document.createElement("span");
      badge.className = "search-result-category";
      badge.textContent = data.meta.category;
      meta.append(badge);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    excerpt.innerHTML = data.excerpt;
    item.append(title, meta, excerpt);
    return item;
  }

  // The URL always says what is shown, so a search can be shared, bookmarked and reloaded.
  function updateUrl(query, filter) {
    const url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("category");
    if (query) url.searchParams.set("q", query);
    if (filter) url.searchParams.set("category", filter);
    if (url.href !== location.href) history.replaceState(null, "", url);
  }

  let typingTimer;
  input.addEventListener("input", () => {
    // Fetch the index chunks for what is typed so far while waiting for a pause.
    pagefind().then((api) => api.preload(input.value.trim()), () => {});
    clearTimeout(typingTimer);
    typingTimer = setTimeout(search, 250);
  });
  input.addEventListener("focus", () => pagefind().catch(() => {}), { once: true });
  if (category) category.addEventListener("change", search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    search();
  });
  more.addEventListener("click", async () => {
    const items = await showMore(latest);
    // Keyboard and screen reader users continue at the first new result.
    const first = items[0] && items[0].querySelector("a");
    if (first) first.focus();
  });

  // A search given in the URL (the form's GET submission, a shared link) runs at once.
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (category && params.get("category")) category.value = params.get("category");
  if (input.value || (category && category.value)) search();
  else input.focus();
})();
