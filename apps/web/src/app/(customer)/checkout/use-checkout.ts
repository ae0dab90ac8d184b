"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { type Cart, type CartRestaurant, orderLinesOf } from "@/cart/cart";
import { dispatchCart } from "@/cart/cart-store";
import { browserAttemptStorage, type CheckoutAttempt, currentAttempt, endAttempt } from "@/checkout/attempt";
import { type CardDraft, cardProblems, emptyCard } from "@/checkout/card";
import { detailsProblems } from "@/checkout/details";
import { type CheckoutDraft, clearDraft, loadDraft, saveDraft } from "@/checkout/draft";
import { useSession } from "@/session/use-session";
import { type Problem, problemOf } from "@/trpc/problem";
import { useTRPC, useTRPCClient } from "@/trpc/react";

export type DetailsField = keyof CheckoutDraft;
export type CardField = keyof CardDraft;
export type FormField = DetailsField | CardField;

/** Where the orders service reports each form field's problem. */
const fieldPaths: Record<FormField, string> = {
  name: "customer.name",
  phone: "customer.phone",
  address: "delivery.address",
  notes: "delivery.notes",
  number: "payment.number",
  expiry: "payment.expiry",
  cvc: "payment.cvc",
};
/** Form order: the first field with a problem gets the focus. */
const fieldOrder: FormField[] = ["name", "phone", "address", "notes", "number", "expiry", "cvc"];

export type FieldErrors = Partial<Record<FormField, string>>;

const formErrorsFrom = (problem: Problem): FieldErrors => {
  const errors: FieldErrors = {};
  for (const field of fieldOrder) {
    const message = problem.fieldErrors[fieldPaths[field]];
    if (message) errors[field] = message;
  }
  return errors;
};

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * Everything the checkout page does, without its markup: the server's quote for the cart, the details and
 * card the person types (details kept for this tab; the card never stored anywhere), the checks made with
 * the server's own definitions, and placing the order once per checkout attempt. A declined card leaves
 * the cart, the details and the attempt as they are, so trying another card is one click.
 */
export function useCheckout({
  cart,
  restaurant,
  initialCard = emptyCard,
  onPlaced,
}: {
  cart: Cart;
  restaurant: CartRestaurant;
  /** Local mode starts with a test card filled in. */
  initialCard?: CardDraft;
  onPlaced: (orderId: string) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const session = useSession();
  const canOrder = session.status === "signed-in" && session.actor.role === "customer";

  const lines = orderLinesOf(cart);
  const quote = useQuery(trpc.orders.quote.queryOptions({ restaurantId: restaurant.id, lines }));
  const quoteProblem = quote.isError ? problemOf(quote.error) : undefined;

  const [draft, setDraft] = useState<CheckoutDraft>(loadDraft);
  const [card, setCard] = useState<CardDraft>(initialCard);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [placeProblem, setPlaceProblem] = useState<Problem | null>(null);
  const attempt = useRef<CheckoutAttempt | null>(null);
  const inFlight = useRef(false);
  const fieldRefs = useRef<Partial<Record<FormField, FieldElement | null>>>({});
  /** Hands a field its ref, so a problem can move the focus to it. */
  const fieldRef = (field: FormField) => (element: FieldElement | null) => {
    fieldRefs.current[field] = element;
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

  const clearError = (field: FormField) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const updateDetail = (field: DetailsField, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    saveDraft(next);
    clearError(field);
  };

  const updateCard = (field: CardField, value: string) => {
    setCard({ ...card, [field]: value });
    clearError(field);
    // A new card is a new chance: the decline no longer applies.
    if (placeProblem?.status === 402) setPlaceProblem(null);
  };

  const showFieldErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = fieldOrder.find((field) => found[field]);
    if (first) fieldRefs.current[first]?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Guards a double click that lands before React re-renders the disabled button; Enter in a field
    // submits too, so the account is checked here as well as by the (hidden) button.
    if (inFlight.current || !canOrder) return;
    // The same definitions the service validates with: same limits, same refused characters, same words.
    const problems = { ...detailsProblems(draft), ...cardProblems(card) };
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
          payment: { number: card.number, expiry: card.expiry, cvc: card.cvc },
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
          // Declined: the card number is where the next try starts; the cart and details stay.
          if (problem.status === 402) fieldRefs.current.number?.focus();
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

  return {
    session,
    canOrder,
    quote,
    quoteProblem,
    draft,
    card,
    errors,
    placeProblem,
    placing: place.isPending,
    placeBlocker,
    fieldRef,
    updateDetail,
    updateCard,
    submit,
  };
}

export type Checkout = ReturnType<typeof useCheckout>;
