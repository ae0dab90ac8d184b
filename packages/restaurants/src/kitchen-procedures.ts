import { humanText } from "@tiffin/contracts/human-text";
import { staffProcedure } from "@tiffin/kit";
import { z } from "zod";
import { PREP_MINUTES, REJECTION_NOTE_MAX, staffRejectionReasons } from "./domain/kitchen-ticket";
import type { RestaurantsService } from "./domain/restaurants-service";
import { STORE_LIMITS } from "./domain/store";
import { RestaurantId, strict } from "./procedure-inputs";

/*
 * The kitchen's procedures (restaurant staff, owner or staff, own restaurants only; another restaurant's
 * ticket or settings get the 404 of a missing one): answer a ticket, set the store's state and hours, read
 * the sales. Inputs are strict, numbers whole and in range, text human text; a bad field is a 400 naming it.
 */

const OrderId = z
  .string({ error: "An order id is required." })
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/, "That order id isn't valid. Reload the board and try again.");

const TicketRef = { restaurantId: RestaurantId, orderId: OrderId };

const prepMessage = `Choose a prep time from ${PREP_MINUTES.min} to ${PREP_MINUTES.max} minutes.`;

export const AcceptTicketInput = strict({
  ...TicketRef,
  prepMinutes: z
    .int({ error: `The prep time must be a whole number of minutes. ${prepMessage}` })
    .min(PREP_MINUTES.min, prepMessage)
    .max(PREP_MINUTES.max, prepMessage),
});

const reasonMessage = "Choose a reason: too busy, an item is unavailable, closing, or other (with a note).";

export const RejectTicketInput = strict({
  ...TicketRef,
  reason: z.enum(staffRejectionReasons, { error: reasonMessage }),
  note: humanText({ label: "The note", max: REJECTION_NOTE_MAX }).optional(),
}).superRefine((input, ctx) => {
  if (input.reason === "other" && !input.note) {
    ctx.addIssue({
      code: "custom",
      path: ["note"],
      message: `Tell the customer why in a note (up to ${REJECTION_NOTE_MAX} characters) when the reason is Other.`,
    });
  }
});

export const TicketRefInput = strict(TicketRef);
export const RestaurantInput = strict({ restaurantId: RestaurantId });

const busyMessage = `Add from ${STORE_LIMITS.busyMinMinutes} to ${STORE_LIMITS.busyMaxMinutes} minutes while busy.`;

export const SetStoreStateInput = strict({
  restaurantId: RestaurantId,
  state: z.enum(["open", "paused", "busy"], { error: "Choose open, paused or busy." }),
  pausedUntil: z.iso
    .datetime({ offset: true, error: "The resume time must be a date and time, e.g. 2026-11-27T19:30:00Z." })
    .nullish(),
  busyExtraMinutes: z
    .int({ error: `The extra minutes must be a whole number. ${busyMessage}` })
    .min(STORE_LIMITS.busyMinMinutes, busyMessage)
    .max(STORE_LIMITS.busyMaxMinutes, busyMessage)
    .optional(),
  message: humanText({ label: "The message for customers", max: STORE_LIMITS.messageMax }).optional(),
});

const time = (label: string) =>
  z
    .string({ error: `${label} is required, as HH:MM.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} must be a time from 00:00 to 23:59, as HH:MM.`);

export const SetOpeningHoursInput = strict({
  restaurantId: RestaurantId,
  timeZone: z
    .string({ error: "A time zone is required, e.g. Europe/London." })
    .regex(/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/, "That isn't a time zone: use one like Europe/London."),
  hours: z
    .array(
      strict({
        day: z
          .int({ error: "The day must be a number from 0 (Sunday) to 6 (Saturday)." })
          .min(0, "The day must be from 0 (Sunday) to 6 (Saturday).")
          .max(6, "The day must be from 0 (Sunday) to 6 (Saturday)."),
        opens: time("The opening time"),
        closes: time("The closing time"),
      }),
      { error: "Send the opening hours as a list of { day, opens, closes }." },
    )
    .max(
      STORE_LIMITS.entriesMax,
      `At most ${STORE_LIMITS.entriesMax} opening times a week (${STORE_LIMITS.entriesPerDay} a day).`,
    ),
});

export const kitchenProcedures = (svc: RestaurantsService) => ({
  acceptTicket: staffProcedure
    .input(AcceptTicketInput)
    .mutation(({ input, ctx }) => svc.acceptTicket(ctx.actor, input)),
  rejectTicket: staffProcedure
    .input(RejectTicketInput)
    .mutation(({ input, ctx }) => svc.rejectTicket(ctx.actor, input)),
  markTicketReady: staffProcedure
    .input(TicketRefInput)
    .mutation(({ input, ctx }) => svc.markTicketReady(ctx.actor, input)),
  storeSettings: staffProcedure
    .input(RestaurantInput)
    .query(({ input, ctx }) => svc.storeSettings(ctx.actor, input.restaurantId)),
  setStoreState: staffProcedure
    .input(SetStoreStateInput)
    .mutation(({ input, ctx }) => svc.setStoreState(ctx.actor, input, ctx.correlationId)),
  setOpeningHours: staffProcedure
    .input(SetOpeningHoursInput)
    .mutation(({ input, ctx }) => svc.setOpeningHours(ctx.actor, input, ctx.correlationId)),
  sales: staffProcedure
    .input(RestaurantInput)
    .query(({ input, ctx }) => svc.sales(ctx.actor, input.restaurantId)),
});
