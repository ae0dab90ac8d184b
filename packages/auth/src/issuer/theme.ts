import type { Theme } from "@openauthjs/openauth/ui/theme";

/** A tiffin box, drawn inline so the pages load nothing from elsewhere. */
const logo = (fill: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="14" y="6" width="36" height="8" rx="4" fill="${fill}"/><rect x="10" y="16" width="44" height="12" rx="4" fill="${fill}"/><rect x="10" y="31" width="44" height="12" rx="4" fill="${fill}"/><rect x="10" y="46" width="44" height="12" rx="4" fill="${fill}"/></svg>`,
  )}`;

/**
 * Tiffin's look for OpenAuth's sign-in pages: warm orange (dark enough for white button text to pass
 * WCAG AA), system fonts, inline logo and favicon. `css` also stands in for the CSS reset OpenAuth
 * would fetch from a CDN (the issuer strips that remote import, see harden.ts).
 */
export const tiffinTheme: Theme = {
  title: "Tiffin",
  radius: "md",
  primary: { light: "#c2410c", dark: "#fb923c" },
  background: { light: "#fffaf5", dark: "#1c1410" },
  logo: { light: logo("#c2410c"), dark: logo("#fb923c") },
  favicon: logo("#c2410c"),
  font: { family: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  css: `
    *, ::before, ::after { box-sizing: border-box; margin: 0; padding: 0; border: 0 solid; }
    html { line-height: 1.5; -webkit-text-size-adjust: 100%; }
    button, input { font: inherit; color: inherit; background: transparent; }
    button { cursor: pointer; }
    img, svg { display: block; max-width: 100%; }
    [data-component="logo"] { height: 3rem; width: auto; margin: 0 auto; }
    /* Messages can be two lines long (OpenAuth's alert has a fixed one-line height). */
    [data-component="form-alert"] { height: auto; min-height: 2.5rem; padding: 0.5rem 1rem; }
  `,
};
