"use client";

import { Alert } from "@tiffin/ui";
import { KitchenBoardUnavailable } from "@/components/kitchen-board-unavailable";
import { isServiceDown } from "@/trpc/problem";
import { ChosenRestaurant } from "./staff-gate";
import { TicketBoard } from "./ticket-board";

/**
 * A restaurant staff member's dashboard: the restaurants offered are the ones the account works for
 * (`restaurants.myRestaurants`); one goes straight to its board, with several `?r=<id>` or the choice
 * saved on this device picks one, else a picker.
 */
export function StaffDashboard() {
  return (
    <ChosenRestaurant
      unavailable={(error, retry, retrying) =>
        isServiceDown(error) ? <KitchenBoardUnavailable onRetry={retry} retrying={retrying} /> : null
      }
      // A link for a restaurant this account doesn't work for: say so, show theirs instead.
      notice={(choice) =>
        choice.notYours ? (
          <Alert tone="warning" live="status" title="That restaurant isn't on your account" className="mb-6">
            Orders are shown only to the people who work at a restaurant.{" "}
            {choice.chosen ? "Here are your restaurant's orders instead." : "Choose one of your restaurants."}
          </Alert>
        ) : null
      }
    >
      {(restaurant, notice, onSwitch) => (
        <TicketBoard key={restaurant.id} restaurant={restaurant} notice={notice} onSwitch={onSwitch} />
      )}
    </ChosenRestaurant>
  );
}
