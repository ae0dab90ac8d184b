"use client";

import { ChosenRestaurant, StaffGate } from "../staff-gate";
import { MenuEditor } from "./menu-editor";

/** `/restaurant/menu`: for restaurant staff only, on the restaurant chosen as on the orders board. */
export function MenuEditorScreen() {
  return (
    <StaffGate
      next="/restaurant/menu"
      signInDescription="Sign in with your restaurant staff account to edit your menu."
      wrongAccountReason="A restaurant's menu is edited only by the people who work there."
    >
      <ChosenRestaurant>
        {(restaurant, _notice, onSwitch) => (
          <MenuEditor key={restaurant.id} restaurantId={restaurant.id} onSwitch={onSwitch} />
        )}
      </ChosenRestaurant>
    </StaffGate>
  );
}
