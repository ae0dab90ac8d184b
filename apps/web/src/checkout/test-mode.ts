import "server-only";

/**
 * Whether checkout lists the simulated payment provider's test cards (and starts with the one that is
 * always authorized): in local mode, which also lists the demo accounts (TIFFIN_SHOW_DEMO_ACCOUNTS=1),
 * read at request time. A deployment with a real provider leaves it unset.
 */
export const showTestCards = (): boolean => process.env.TIFFIN_SHOW_DEMO_ACCOUNTS === "1";
