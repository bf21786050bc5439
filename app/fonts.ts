import localFont from "next/font/local";

// Fonts ship with the project (from @fontsource-variable, OFL): nothing is fetched at build or run time.
export const sans = localFont({
  src: [
    { path: "./fonts/inter-latin-wght-normal.woff2", weight: "100 900", style: "normal" },
    { path: "./fonts/inter-latin-wght-italic.woff2", weight: "100 900", style: "italic" },
  ],
  variable: "--font-sans",
  display: "swap",
});

/** Accented Latin (Ángel, Łukasz): a separate file the browser fetches only when a page needs it. */
export const sansExtended = localFont({
  src: "./fonts/inter-latin-ext-wght-normal.woff2",
  weight: "100 900",
  variable: "--font-sans-extended",
  display: "swap",
  preload: false,
});

export const mono = localFont({
  src: "./fonts/jetbrains-mono-latin-wght-normal.woff2",
  weight: "100 800",
  variable: "--font-mono",
  display: "swap",
  preload: false,
});
