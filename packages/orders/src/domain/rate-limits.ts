/**
 * How often `orders.place` may succeed: per customer (a stolen session or a script cannot flood a kitchen)
 * and per restaurant (no kitchen gets more than it can cook). Fixed windows: simple, one counter per key,
 * at the price of up to twice the limit across a window boundary.
 */
export interface Limit {
  max: number;
  windowSeconds: number;
}

export interface PlaceLimits {
  perCustomer: Limit;
  perRestaurant: Limit;
}

export const DEFAULT_PLACE_LIMITS: PlaceLimits = {
  perCustomer: { max: 10, windowSeconds: 600 },
  perRestaurant: { max: 120, windowSeconds: 60 },
};

/** The window (epoch seconds of its start) that holds `at`. */
export const windowStartOf = (at: Date, limit: Limit): number => {
  const seconds = Math.floor(at.getTime() / 1000);
  return seconds - (seconds % limit.windowSeconds);
};

/** Reads "<max>/<windowSeconds>" (e.g. "10/600"), as the limit environment variables are written. */
export const parseLimit = (text: string | undefined, fallback: Limit, name: string): Limit => {
  if (text === undefined || text.trim() === "") return fallback;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const max = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || max < 1 || windowSeconds < 1) {
    throw new Error(`${name} must look like "<orders>/<seconds>", e.g. "10/600" (got "${text}").`);
  }
  return { max, windowSeconds };
};

/** "45 seconds", "1 minute", "4 minutes": how long until a refused customer may try again. */
export const waitText = (seconds: number): string => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};

const windowText = (seconds: number): string =>
  seconds % 60 === 0 ? waitText(seconds).replace(/^1 minute$/, "minute") : waitText(seconds);

/** Refusal of a placement over a limit; the router answers it with 429 TOO_MANY_REQUESTS. */
export class RateLimited extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimited";
  }

  static customer(limit: Limit, retryAfterSeconds: number): RateLimited {
    return new RateLimited(
      `You can place up to ${limit.max} order${limit.max === 1 ? "" : "s"} every ${windowText(limit.windowSeconds)}. Try again in ${waitText(retryAfterSeconds)}.`,
      retryAfterSeconds,
    );
  }

  static restaurant(restaurantName: string, retryAfterSeconds: number): RateLimited {
    return new RateLimited(
      `${restaurantName} is taking as many orders as its kitchen can handle right now. Try again in ${waitText(retryAfterSeconds)}.`,
      retryAfterSeconds,
    );
  }
}
