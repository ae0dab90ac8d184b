"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Quote } from "@tiffin/orders";
import {
  Alert,
  Badge,
  Button,
  buttonStyles,
  Card,
  cx,
  EmptyState,
  Field,
  focusRing,
  Input,
  Skeleton,
  Spinner,
  Textarea,
} from "@tiffin/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { signInPath } from "@/auth/safe-next";
import { type Cart, type CartRestaurant, orderLinesOf } from "@/cart/cart";
import { dispatchCart, useCart } from "@/cart/cart-store";
import { browserAttemptStorage, type CheckoutAttempt, currentAttempt, endAttempt } from "@/checkout/attempt";
import { detailsProblems } from "@/checkout/details";
import { type CheckoutDraft, clearDraft, loadDraft, saveDraft } from "@/checkout/draft";
import { Bill } from "@/components/bill";
import { announce } from "@/components/live-announcer";
import { SignOutButton } from "@/components/sign-out-button";
import { roleLabels } from "@/session/session";
import { type SessionState, useSession } from "@/session/use-session";
import { type Problem, problemOf } from "@/trpc/problem";
import { useTRPC, useTRPCClient } from "@/trpc/react";

export function CheckoutView() {
  const cart = useCart();
  const [placedOrderId, setPlacedOrderId] = useState<string | null>(null);

  if (placedOrderId) {
    return (
      <div className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-20 text-center" role="status">
        <Spinner className="size-8 text-orange-700" />
        <p className="font-semibold">Order placed! Taking you to your order…</p>
      </div>
    );
  }
  if (!cart) return <CheckoutSkeleton />;
  if (!cart.restaurant || cart.lines.length === 0) {
    return (
      <EmptyState
        headingLevel={1}
        icon="🛍️"
        title="Your cart is empty"
        description="Find a restaurant you like, add a few dishes, and they'll be waiting for you here."
        action={
          <Link href="/" className={buttonStyles()}>
            Browse restaurants
          </Link>
        }
        variant="page"
      />
    );
  }
  return <CheckoutForm cart={cart} restaurant={cart.restaurant} onPlaced={setPlacedOrderId} />;
}

type FormField = keyof CheckoutDraft;

/** Where the orders service reports each form field's problem. */
const fieldPaths: Record<FormField, string> = {
  name: "customer.name",
  phone: "customer.phone",
  address: "delivery.address",
  notes: "delivery.notes",
};
const fieldOrder: FormField[] = ["name", "phone", "address", "notes"];

const formErrorsFrom = (problem: Problem): Partial<Record<FormField, string>> => {
  const errors: Partial<Record<FormField, string>> = {};
  for (const field of fieldOrder) {
    const message = problem.fieldErrors[fieldPaths[field]];
    if (message) errors[field] = message;
  }
  return errors;
};

function CheckoutForm({
  cart,
  restaurant,
  onPlaced,
}: {
  cart: Cart;
  restaurant: CartRestaurant;
  onPlaced: (orderId: string) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const session = useSession();
  const canOrder = session.status === "signed-in" && session.actor.role === "customer";
  const formId = useId();
  const blockerId = useId();

  const lines = orderLinesOf(cart);
  const quote = useQuery(trpc.orders.quote.queryOptions({ restaurantId: restaurant.id, lines }));
  const quoteProblem = quote.isError ? problemOf(quote.error) : undefined;

  const [draft, setDraft] = useState<CheckoutDraft>(loadDraft);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [placeProblem, setPlaceProblem] = useState<Problem | null>(null);
  const attempt = useRef<CheckoutAttempt | null>(null);
  const inFlight = useRef(false);
  const fields = {
    name: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    address: useRef<HTMLTextAreaElement>(null),
    notes: useRef<HTMLTextAreaElement>(null),
  };

  const place = useMutation({
    mutationFn: ({
      input,
      correlationId,
    }: {
      input: Parameters<typeof client.orders.place.mutate>[0];
      correlationId: string;
    }) => client.orders.place.mutate(input, { context: { correlationId } }),
  });

  // A signed-in customer's name is the obvious default; never overwrite what they typed.
  const accountName = canOrder ? session.actor.name : undefined;
  useEffect(() => {
    if (accountName) setDraft((current) => (current.name ? current : { ...current, name: accountName }));
  }, [accountName]);

  const update = (field: FormField, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    saveDraft(next);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const showFieldErrors = (found: Partial<Record<FormField, string>>) => {
    setErrors(found);
    const first = fieldOrder.find((field) => found[field]);
    if (first) fields[first].current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Guards a double click that lands before React re-renders the disabled button; Enter in a field
    // submits too, so the account is checked here as well as by the (hidden) button.
    if (inFlight.current || !canOrder) return;
    // The same definitions the service validates with: same limits, same refused characters, same words.
    const problems = detailsProblems(draft);
    if (Object.keys(problems).length > 0) {
      showFieldErrors(problems);
      return;
    }
    inFlight.current = true;
    setErrors({});
    setPlaceProblem(null);
    attempt.current ??= currentAttempt(browserAttemptStorage());
    const { idempotencyKey, correlationId } = attempt.current;
    place.mutate(
      {
        correlationId,
        input: {
          idempotencyKey,
          restaurantId: restaurant.id,
          lines,
          customer: { name: draft.name.trim(), phone: draft.phone.trim() },
          delivery: { address: draft.address.trim(), notes: draft.notes.trim() },
        },
      },
      {
        onSuccess: (order) => {
          endAttempt(browserAttemptStorage());
          attempt.current = null;
          clearDraft();
          queryClient.setQueryData(trpc.orders.get.queryKey({ orderId: order.id }), order);
          onPlaced(order.id);
          dispatchCart({ type: "clear" });
          router.push(`/orders/${order.id}`);
        },
        onError: (error) => {
          const problem = problemOf(error);
          // The key was already used for a different cart: the next try must be a new checkout.
          if (problem.code === "CONFLICT") {
            endAttempt(browserAttemptStorage());
            attempt.current = null;
          }
          const formErrors = formErrorsFrom(problem);
          if (Object.keys(formErrors).length > 0) showFieldErrors(formErrors);
          else setPlaceProblem(problem);
          // Sold out, closed, minimum: the quote shows what changed and which dish is affected.
          if (problem.status === 412 || problem.status === 400) void quote.refetch();
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const placeBlocker = quote.isPending
    ? "Calculating your total…"
    : quoteProblem
      ? "Fix the problem with your order first."
      : undefined;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <Link
        href={`/r/${restaurant.slug}`}
        className={cx(
          "inline-flex items-center gap-1 rounded text-sm font-semibold text-orange-800 hover:underline",
          focusRing,
        )}
      >
        ← Back to {restaurant.name}
      </Link>
      <h1 className="mt-3 text-3xl font-extrabold tracking-tight">Checkout</h1>

      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <form id={formId} noValidate onSubmit={submit} aria-label="Delivery details" className="space-y-6">
          <Card className="space-y-5 p-5 sm:p-6">
            <h2 className="text-lg font-bold">Your details</h2>
            <Field label="Full name" error={errors.name}>
              {(control) => (
                <Input
                  {...control}
                  ref={fields.name}
                  name="name"
                  autoComplete="name"
                  value={draft.name}
                  onChange={(e) => update("name", e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Phone number"
              hint="The courier will call this number if they can't find you."
              error={errors.phone}
            >
              {(control) => (
                <Input
                  {...control}
                  ref={fields.phone}
                  name="phone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  placeholder="+1 415 555 0134"
                  value={draft.phone}
                  onChange={(e) => update("phone", e.target.value)}
                />
              )}
            </Field>
          </Card>
          <Card className="space-y-5 p-5 sm:p-6">
            <h2 className="text-lg font-bold">Delivery</h2>
            <Field label="Delivery address" hint="Street, number, apartment and city." error={errors.address}>
              {(control) => (
                <Textarea
                  {...control}
                  ref={fields.address}
                  name="address"
                  autoComplete="street-address"
                  rows={2}
                  value={draft.address}
                  onChange={(e) => update("address", e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Notes for the courier"
              optional
              hint="Buzzer code, floor, where to leave it…"
              error={errors.notes}
            >
              {(control) => (
                <Textarea
                  {...control}
                  ref={fields.notes}
                  name="notes"
                  rows={3}
                  value={draft.notes}
                  onChange={(e) => update("notes", e.target.value)}
                />
              )}
            </Field>
          </Card>
        </form>

        <div className="lg:sticky lg:top-24 lg:self-start">
          <section aria-labelledby="summary-title" className="space-y-4">
            <Card className="p-5 sm:p-6">
              <div className="flex items-baseline justify-between gap-3">
                <h2 id="summary-title" className="text-lg font-bold">
                  Order summary
                </h2>
                <Link
                  href={`/r/${restaurant.slug}`}
                  className={cx("rounded text-sm font-semibold text-orange-800 hover:underline", focusRing)}
                >
                  Edit order
                </Link>
              </div>
              <p className="mt-1 text-sm text-stone-600">
                From {quote.data?.restaurantName ?? restaurant.name}
              </p>
              <OrderSummary cart={cart} quote={quote.data} problem={quoteProblem} />
            </Card>

            {quoteProblem && (
              <Alert
                tone="danger"
                live="alert"
                title="This order can't be placed yet"
                action={
                  quoteProblem.status === undefined ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => quote.refetch()}
                      loading={quote.isFetching}
                    >
                      Try again
                    </Button>
                  ) : (
                    <Link
                      href={`/r/${restaurant.slug}`}
                      className={buttonStyles({ variant: "secondary", size: "sm" })}
                    >
                      Back to the menu
                    </Link>
                  )
                }
              >
                {quoteProblem.message}
              </Alert>
            )}

            {placeProblem && !quoteProblem && (
              <Alert tone="danger" live="alert" title="Your order wasn't placed">
                {placeProblem.message}
              </Alert>
            )}

            {session.status === "signed-out" ? (
              <SignInToOrder />
            ) : session.status === "signed-in" && !canOrder ? (
              <NotACustomer session={session} />
            ) : (
              <>
                <Button
                  type="submit"
                  form={formId}
                  size="lg"
                  block
                  loading={place.isPending}
                  disabled={placeBlocker !== undefined || session.status === "loading"}
                  aria-describedby={placeBlocker ? blockerId : undefined}
                >
                  {place.isPending ? "Placing order…" : "Place order"}
                </Button>
                {placeBlocker && !quoteProblem && (
                  <p id={blockerId} className="text-center text-sm text-stone-600">
                    {placeBlocker}
                  </p>
                )}
                {placeBlocker && quoteProblem && (
                  <p id={blockerId} className="sr-only">
                    {placeBlocker}
                  </p>
                )}
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** Signed out: the summary stays, the place button becomes the way in (and back here, cart intact). */
function SignInToOrder() {
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
function NotACustomer({ session }: { session: Extract<SessionState, { status: "signed-in" }> }) {
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

function OrderSummary({
  cart,
  quote,
  problem,
}: {
  cart: Cart;
  quote: Quote | undefined;
  problem: Problem | undefined;
}) {
  if (quote) {
    return <Bill priced={quote} />;
  }
  // No quote (loading, or refused): list what is in the cart and mark the dishes the service named.
  return (
    <ul className="mt-4 divide-y divide-stone-100" aria-busy={!problem}>
      {cart.lines.map((line) => {
        const issue = problem?.fieldErrors[line.itemId];
        return (
          <li key={line.itemId} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
            <span>
              <span className="font-semibold tabular-nums">{line.quantity} ×</span> {line.name}
            </span>
            {issue ? (
              <span className="flex items-center gap-2">
                <Badge tone="danger">{issue}</Badge>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    dispatchCart({ type: "remove", itemId: line.itemId });
                    announce(`Removed ${line.name} from your order.`);
                  }}
                  aria-label={`Remove ${line.name} from your order`}
                >
                  Remove
                </Button>
              </span>
            ) : problem ? null : (
              <Skeleton className="h-4 w-14 rounded-md" />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function CheckoutSkeleton() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading your cart…
      </p>
      <Skeleton className="h-4 w-40 rounded-md" />
      <Skeleton className="mt-4 h-9 w-48 rounded-md" />
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Skeleton className="h-96 rounded-2xl" />
        <Skeleton className="h-72 rounded-2xl" />
      </div>
    </div>
  );
}
