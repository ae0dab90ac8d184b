import { describe, expect, it } from "vitest";
import { catalogPublished, catalogPublishedV2 } from "../../test/factories";
import { type ReplicatedMenu, replicaFromCatalog, upgradeStoredReplica } from "./menu-replica";

describe("menu replica", () => {
  it("keeps a v1 snapshot with an open store, no hours and no options", () => {
    const replica = replicaFromCatalog(catalogPublished());
    expect(replica).toMatchObject({
      restaurantId: "bombay-tiffin-house",
      slug: "bombay-tiffin-house",
      isOpen: true,
      store: { state: "open", pausedUntil: null, busyExtraMinutes: 0, message: "" },
      hours: null,
      location: null,
      revision: 3,
    });
    expect(replica.items.every((item) => item.optionGroups.length === 0)).toBe(true);
  });

  it("keeps what v2 adds: store state, hours, time zone, location and option groups", () => {
    const replica = replicaFromCatalog(catalogPublishedV2());
    expect(replica).toMatchObject({
      isOpen: true,
      store: { state: "busy", pausedUntil: null, busyExtraMinutes: 15, message: "" },
      hours: [
        { day: 0, opens: "12:00", closes: "22:00" },
        { day: 5, opens: "12:00", closes: "01:00" },
      ],
      timeZone: "Europe/London",
      location: { lat: 51.5152, lng: -0.0722 },
      revision: 7,
      minimumOrderCents: 1200,
    });
    expect(replica.items[0]?.optionGroups.map((g) => [g.id, g.min, g.max, g.options.length])).toEqual([
      ["spice", 1, 1, 2],
      ["extras", 0, 2, 2],
    ]);
    expect(replica.items[0]?.optionGroups[0]?.options[1]?.name).toBe("Hot 🌶️");
  });

  it("brings a row stored before v2 to today's shape", () => {
    const {
      slug: _s,
      store: _st,
      hours: _h,
      timeZone: _t,
      location: _l,
      ...old
    } = replicaFromCatalog(catalogPublished());
    const stored = {
      ...old,
      items: old.items.map(({ optionGroups: _o, ...item }) => item),
    } as unknown as ReplicatedMenu;
    expect(upgradeStoredReplica(stored)).toEqual(replicaFromCatalog(catalogPublished()));
  });
});
