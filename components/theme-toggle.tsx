/**
 * A two-state switch between the light and dark theme. Its state (aria-pressed:
 * dark or not) is set by public/js/site.js, which also remembers the choice;
 * without JavaScript it is hidden by CSS and the system preference applies.
 * The name stays "Dark theme" in both states, as toggle buttons should.
 */
export function ThemeToggle() {
  return (
    // site.js sets aria-pressed, possibly before React hydrates (dev, client_runtime: true).
    <button type="button" className="theme-toggle" aria-pressed="false" data-theme-toggle="" suppressHydrationWarning>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor" />
      </svg>
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}
