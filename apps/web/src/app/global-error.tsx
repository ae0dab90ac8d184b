"use client";

import "./globals.css";

/** Replaces the root layout when it fails itself, so it brings its own document. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-stone-50 p-6 font-sans text-stone-900">
        <title>Something went wrong · Tiffin</title>
        <main className="max-w-md text-center">
          <h1 className="text-2xl font-bold">Something went wrong</h1>
          <p className="mt-2 text-stone-600">Sorry, Tiffin didn't load properly. Your cart is safe.</p>
          <div className="mt-6 flex justify-center gap-3">
            <button
              type="button"
              onClick={retry}
              className="min-h-11 rounded-xl bg-orange-700 px-4 font-semibold text-white hover:bg-orange-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-700"
            >
              Try again
            </button>
            {/* A plain link (full page load) on purpose: the app's router may be what failed. */}
            <a
              href="/"
              className="inline-flex min-h-11 items-center rounded-xl px-4 font-semibold text-stone-800 ring-1 ring-stone-300 hover:bg-stone-100"
            >
              Go to the homepage
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
