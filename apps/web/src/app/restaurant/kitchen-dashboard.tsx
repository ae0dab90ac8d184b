"use client";

import { StaffDashboard } from "./staff-dashboard";
import { StaffGate } from "./staff-gate";

/** `/restaurant`, for restaurant staff only; anyone else is told who the page is for. */
export function KitchenDashboard() {
  return (
    <StaffGate
      next="/restaurant"
      signInDescription="Sign in with your restaurant staff account to see your kitchen's incoming orders."
      wrongAccountReason="A restaurant's incoming orders are shown only to the people who work there."
    >
      <StaffDashboard />
    </StaffGate>
  );
}
