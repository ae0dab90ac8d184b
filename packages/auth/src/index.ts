/** Public surface of the auth service: its router's TYPE (for the web app's client), nothing else. */

export type { AuthRouter } from "./router";
