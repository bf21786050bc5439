import type { OgCardContent } from "@/lib/seo/og-card";

export type OgCardProps = OgCardContent;

// The blog's light theme (app/globals.css); next/og takes inline styles only, and every
// element with more than one child needs `display: flex`.
const COLORS = { bg: "#ffffff", subtle: "#f5f6f8", text: "#1b1f24", muted: "#5a6370", border: "#e2e5ea", accent: "#2450c8" };

/** Long titles get a smaller size so that they still fit in four lines. */
function titleSize(title: string): number {
  if (title.length <= 40) return 72;
  if (title.length <= 70) return 62;
  if (title.length <= 110) return 52;
  return 44;
}

/** A 1200x630 Open Graph card, rendered by next/og (Satori) at build time, not by React in a browser. */
export function OgCard({ kicker, title, lines, siteTitle, host }: OgCardProps) {
  const shown = title.length > 150 ? `${title.slice(0, 147).trimEnd()}…` : title;
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", background: COLORS.bg, fontFamily: "Inter", color: COLORS.text }}>
      <div style={{ width: 24, height: "100%", background: COLORS.accent }} />
      <div style={{ flex: 1, display: "flex", flexDirection: "column", padding: "64px 80px 56px 72px" }}>
        <div style={{ display: "flex", flexDirection: "column", flex: 1, justifyContent: "center" }}>
          {kicker && (
            <div style={{ display: "flex", fontSize: 28, fontWeight: 700, color: COLORS.accent, textTransform: "uppercase", letterSpacing: 2, marginBottom: 20 }}>
              {kicker}
            </div>
          )}
          <div style={{ display: "flex", fontSize: titleSize(shown), fontWeight: 700, lineHeight: 1.15, letterSpacing: -1 }}>{shown}</div>
          {lines.map((line, index) => (
            <div
              key={line}
              style={{ display: "flex", fontSize: index === 0 ? 32 : 28, fontWeight: 500, lineHeight: 1.35, color: index === 0 ? COLORS.text : COLORS.muted, marginTop: index === 0 ? 36 : 10 }}
            >
              {line}
            </div>
          ))}
        </div>
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", borderTop: `2px solid ${COLORS.border}`, paddingTop: 28 }}>
          <div style={{ display: "flex", alignItems: "center", fontSize: 30, fontWeight: 700 }}>
            <div style={{ width: 28, height: 28, borderRadius: 6, background: COLORS.accent, marginRight: 16 }} />
            {siteTitle}
          </div>
          <div style={{ display: "flex", fontSize: 24, fontWeight: 500, color: COLORS.muted }}>{host}</div>
        </div>
      </div>
    </div>
  );
}
