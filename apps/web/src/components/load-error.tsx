import { Alert, Button } from "@tiffin/ui";

/** A read that failed: what did not load, why (the service's own message), and a retry. */
export function LoadError(props: { title: string; message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <Alert
      tone="danger"
      live="alert"
      title={props.title}
      action={
        <Button variant="secondary" size="sm" onClick={props.onRetry} loading={props.retrying}>
          Try again
        </Button>
      }
    >
      {props.message}
    </Alert>
  );
}
