"use client";

import { Alert, Button } from "@tiffin/ui";
import { useEffect, useRef } from "react";

/** How often the board asks again by itself while the restaurants service is down. */
const RETRY_EVERY_MS = 5_000;

/**
 * The restaurants service is down, so the board cannot be read; orders placed meanwhile wait in the
 * fulfillment queue and become tickets once it is back. Retries by itself, so the board returns unasked.
 */
export function KitchenBoardUnavailable({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const retry = useRef(onRetry);
  retry.current = onRetry;
  useEffect(() => {
    const timer = setInterval(() => retry.current(), RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Alert
      tone="warning"
      live="status"
      title="The kitchen board is temporarily unavailable"
      action={
        <Button variant="secondary" size="sm" onClick={onRetry} loading={retrying}>
          Try again
        </Button>
      }
    >
      New orders are kept and will appear when it is back. This page checks again every few seconds.
    </Alert>
  );
}
