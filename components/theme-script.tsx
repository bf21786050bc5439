/**
 * Runs in <head>, before the body is parsed: applies the reader's stored theme
 * choice so the first paint already has the right colours (no flash), and
 * marks the page as scripted so controls that need JavaScript (the theme
 * toggle) are shown only when they can work. Kept tiny and ES5 on purpose:
 * it blocks rendering. public/js/site.js does the rest; both use the
 * `theme` key in localStorage ("light" or "dark"; absent: follow the system).
 */
const SCRIPT =
  '(function(){var d=document.documentElement;d.setAttribute("data-js","");' +
  'try{var t=localStorage.getItem("theme");if(t==="light"||t==="dark")d.setAttribute("data-theme",t)}catch(e){}})()';

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
