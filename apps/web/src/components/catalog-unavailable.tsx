import { Alert, Button } from "@tiffin/ui";

/**
 * The restaurants service could not be asked and there is no earlier copy to show: say so, say what still
 * works, and offer to try again (nothing the person did is lost).
 */
export function CatalogUnavailable({
  title,
  onRetry,
  retrying,
}: {
  title: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <Alert
      tone="warning"
      live="status"
      title={title}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry} loading={retrying}>
          Try again
        </Button>
      }
    >
      We can't reach the restaurants right now. Your cart is kept and orders you have placed still reach the
      kitchen; try again in a moment.
    </Alert>
  );
}
