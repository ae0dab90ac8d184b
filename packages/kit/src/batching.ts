/*
 * How much one HTTP request may ask for. tRPC batching lets a client put many calls in one request; left
 * unbounded, one request could place fifty orders or fan out into thousands of reads.
 */

/** The most calls one batched request may carry (the web app's batch link sends at most this many). */
export const MAX_BATCH_CALLS = 10;

export const BATCH_TOO_LARGE = `One request may carry at most ${MAX_BATCH_CALLS} calls. Send fewer at a time.`;

export const MUTATION_NOT_ALONE =
  "A change (mutation) must be sent on its own, not batched with other calls. Send it in its own request.";

/** tRPC's own message when a batch exceeds `maxBatchSize` (the limit is enforced before any call runs). */
export const TRPC_BATCH_TOO_LARGE = "Batch call exceeds maximum size";
