// The blog's only script on ordinary pages: small, dependency-free
// enhancements over server-rendered HTML. Every page works without it.
// Loaded with `defer` from app/layout.tsx, so the DOM is parsed when it runs.
// Sections: theme toggle, code blocks, lightbox, video embeds, "/" shortcut.
(() => {
  "use strict";

  // ---------- Theme toggle ----------
  // The inline script in <head> (components/theme-script.tsx) has already
  // applied a stored choice. Picking the theme the system asks for anyway
  // forgets the choice, so the page follows the system again from then on.
  const THEME_KEY = "theme";
  const root = document.documentElement;
  const systemDark = matchMedia("(prefers-color-scheme: dark)");
  const toggles = document.querySelectorAll("[data-theme-toggle]");

  const isDark = () => (root.dataset.theme ? root.dataset.theme === "dark" : systemDark.matches);
  const syncToggles = () => toggles.forEach((button) => button.setAttribute("aria-pressed", String(isDark())));

  function setTheme(theme) {
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    else delete root.dataset.theme;
    syncToggles();
  }

  function storeTheme(theme) {
    try {
      if (theme) localStorage.setItem(THEME_KEY, theme);
      else localStorage.removeItem(THEME_KEY);
    } catch {
      // Storage can be off (privacy modes): the choice then lasts for this page only.
    }
  }

  toggles.forEach((button) =>
    button.addEventListener("click", () => {
      const next = isDark() ? "light" : "dark";
      const explicit = (next === "dark") !== systemDark.matches ? next : null;
      storeTheme(explicit);
      setTheme(explicit);
    }),
  );
  systemDark.addEventListener("change", syncToggles);
  // Another tab changed the theme.
  addEventListener("storage", (event) => {
    if (event.key === THEME_KEY || event.key === null) setTheme(event.newValue);
  });
  syncToggles();

  // ---------- Code blocks: language label and copy button ----------
  // The label is CSS (`pre[data-language]::before`); highlighted blocks come
  // with data-language, plain ones get it here from their `language-xxx` class.
  // Each block is wrapped so the button stays put while the code scrolls sideways.
  function enhanceCodeBlock(pre) {
    const code = pre.querySelector("code");
    const language = code && /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);
    if (!pre.dataset.language && language) pre.dataset.language = language[1];

    const wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.replaceWith(wrapper);
    wrapper.append(pre);

    const toolbar = document.createElement("div");
    toolbar.className = "code-toolbar";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "code-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    // Feedback is shown and announced by a live region; the button's name stays the same.
    const status = document.createElement("span");
    status.className = "code-copy-status";
    status.setAttribute("role", "status");
    toolbar.append(status, button);
    wrapper.append(toolbar);

    let timer;
    button.addEventListener("click", async () => {
      const ok = await copyText((code || pre).textContent);
      status.textContent = ok ? "Copied" : "Press Ctrl+C to copy";
      if (!ok) selectContents(code || pre);
      clearTimeout(timer);
      timer = setTimeout(() => (status.textContent = ""), 2500);
    });
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // No Clipboard API (insecure context, old browser, permission denied): the old way.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.cssText = "position:fixed;top:0;left:0;opacity:0";
      document.body.append(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      area.remove();
      return ok;
    }
  }

  function selectContents(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.querySelectorAll(".prose pre").forEach(enhanceCodeBlock);

  // ---------- Lightbox ----------
  // `<a class="lightbox" href="big.png"><img ...></a>`: without JavaScript the
  // link opens the image. Here it opens a modal <dialog> instead, which traps
  // focus, closes on Escape, and is given back focus to the link afterwards.
  let lightbox;
  let lightboxTrigger;

  function lightboxDialog() {
    if (lightbox) return lightbox;
    lightbox = document.createElement("dialog");
    lightbox.className = "lightbox-dialog";
    lightbox.innerHTML =
      '<button type="button" class="lightbox-close" aria-label="Close image" autofocus>×</button>' +
      '<figure><img alt=""><figcaption hidden></figcaption></figure>';
    lightbox.querySelector(".lightbox-close").addEventListener("click", () => lightbox.close());
    // A click on the backdrop (the dialog element itself, outside the figure) closes it too.
    lightbox.addEventListener("click", (event) => {
      if (event.target === lightbox) lightbox.close();
    });
    lightbox.addEventListener("close", () => {
      lightbox.querySelector("img").removeAttribute("src");
      if (lightboxTrigger) lightboxTrigger.focus();
    });
    document.body.append(lightbox);
    return lightbox;
  }

  function openLightbox(link) {
    const dialog = lightboxDialog();
    const thumbnail = link.querySelector("img");
    const alt = thumbnail ? thumbnail.alt : "";
    const image = dialog.querySelector("img");
    image.src = link.href;
    image.alt = alt;
    const figure = link.closest("figure");
    const caption = figure && figure.querySelector("figcaption");
    const captionBox = dialog.querySelector("figcaption");
    captionBox.textContent = caption ? caption.textContent : "";
    captionBox.hidden = !caption;
    dialog.setAttribute("aria-label", alt || (caption && caption.textContent) || "Image");
    lightboxTrigger = link;
    dialog.showModal();
  }

  document.querySelectorAll("a.lightbox").forEach((link) => link.setAttribute("aria-haspopup", "dialog"));

  // ---------- Video embeds ----------
  // `<a class="video-embed-link" href="https://www.youtube.com/watch?v=ID" data-youtube-id="ID">`:
  // nothing is loaded from YouTube until the reader asks for the video, then the
  // link becomes a privacy-enhanced (youtube-nocookie.com) player that starts playing.
  function playVideo(link) {
    const id = link.dataset.youtubeId;
    if (!/^[\w-]{6,20}$/.test(id)) return false;
    const figure = link.closest("figure");
    const caption = figure && figure.querySelector("figcaption");
    const iframe = document.createElement("iframe");
    iframe.className = "video-embed-frame";
    iframe.src = `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
    iframe.title = link.title || (caption && caption.textContent.trim()) || "YouTube video";
    iframe.allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";
    iframe.allowFullscreen = true;
    iframe.loading = "lazy";
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(iframe);
    iframe.focus();
    return true;
  }

  // ---------- Clicks and keys (delegated, so content added later works too) ----------
  const plainClick = (event) => event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

  document.addEventListener("click", (event) => {
    if (!plainClick(event) || !(event.target instanceof Element)) return;
    const lightboxLink = event.target.closest("a.lightbox[href]");
    if (lightboxLink) {
      event.preventDefault();
      openLightbox(lightboxLink);
      return;
    }
    const videoLink = event.target.closest("a.video-embed-link[data-youtube-id]");
    if (videoLink && playVideo(videoLink)) event.preventDefault();
  });

  const isTyping = (target) =>
    target instanceof Element && (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null);

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    // The video placeholder acts as a button, so Space starts it as Enter (a click) does.
    if (event.key === " " && event.target instanceof Element && event.target.matches("a.video-embed-link[data-youtube-id]")) {
      if (playVideo(event.target)) event.preventDefault();
      return;
    }
    // "/" opens search, as on GitHub and MDN: the search field when this page has one, else the search page.
    if (event.key !== "/" || isTyping(event.target) || document.querySelector("dialog[open]")) return;
    const input = document.querySelector("[data-search-input]");
    const link = document.querySelector("a[data-search-link]");
    if (input) {
      event.preventDefault();
      input.focus();
      input.select();
    } else if (link) {
      event.preventDefault();
      location.href = link.href;
    }
  });
})();
