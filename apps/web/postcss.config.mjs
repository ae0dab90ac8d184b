import path from "node:path";

/**
 * Tailwind scans from the monorepo root (Next evaluates this file with apps/web as the working directory),
 * so classes used inside @tiffin/ui are generated too. The usual `@source` directive would do it from CSS,
 * but Biome's CSS parser rejects Tailwind directives.
 */
export default {
  plugins: {
    "@tailwindcss/postcss": { base: path.resolve("../..") },
  },
};
