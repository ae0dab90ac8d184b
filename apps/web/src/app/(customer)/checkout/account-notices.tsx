import { Alert, buttonStyles } from "@tiffin/ui";
import { signInPath } from "@/auth/safe-next";
import { SignOutButton } from "@/components/sign-out-button";
import { roleLabels } from "@/session/session";
import type { SessionState } from "@/session/use-session";

/** Signed out: the summary stays, the place button becomes the way in (and back here, cart intact). */
export function SignInToOrder() {
  return (
    <div className="space-y-2">
      <a href={signInPath("/checkout")} className={buttonStyles({ size: "lg", block: true })}>
        Sign in to place your order
      </a>
      <p className="text-center text-sm text-stone-600">
        Your cart and details stay right here while you sign in or create an account.
      </p>
    </div>
  );
}

/** Staff, couriers and agents can look, but orders belong to customer accounts. */
export function NotACustomer({ session }: { session: Extract<SessionState, { status: "signed-in" }> }) {
  const { actor } = session;
  return (
    <Alert
      tone="warning"
      live="status"
      title="Orders are placed with a customer account"
      action={
        <SignOutButton
          next={signInPath("/checkout")}
          label="Sign out and switch account"
          style={{ size: "sm" }}
        />
      }
    >
      You're signed in as {actor.name}, a {roleLabels[actor.role].toLowerCase()} account, which can't place
      orders. Sign in with a customer account to order; your cart will still be here.
    </Alert>
  );
}
