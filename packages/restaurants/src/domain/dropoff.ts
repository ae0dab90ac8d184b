import { createHash } from "node:crypto";
import type { GeoPoint } from "./store";

/** How far from the restaurant a made-up drop-off point can be: about 3 km, a typical delivery radius. */
const RADIUS_KM = 3;
const KM_PER_DEGREE_LAT = 111.32;

/**
 * Where a delivery address is, for the courier's drop-off. There is no geocoder here (no network, no
 * address database), so this is a stand-in: a point within RADIUS_KM of the restaurant, derived from a
 * hash of the address, so the same address always lands on the same point. Swap in a real geocoder
 * (e.g. Amazon Location Service) when delivery needs true positions.
 */
export const dropoffPoint = (restaurant: GeoPoint, address: string): GeoPoint => {
  const digest = createHash("sha256").update(address.trim().toLowerCase()).digest();
  // Two uniform numbers in [0, 1): a direction and a distance (sqrt spreads points evenly over the disc).
  const angle = (digest.readUInt32BE(0) / 2 ** 32) * 2 * Math.PI;
  const distanceKm = Math.sqrt(digest.readUInt32BE(4) / 2 ** 32) * RADIUS_KM;
  const dLat = (distanceKm * Math.cos(angle)) / KM_PER_DEGREE_LAT;
  const dLng =
    (distanceKm * Math.sin(angle)) /
    (KM_PER_DEGREE_LAT * Math.max(0.01, Math.cos((restaurant.lat * Math.PI) / 180)));
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    lat: round(Math.min(90, Math.max(-90, restaurant.lat + dLat))),
    lng: round(((((restaurant.lng + dLng + 180) % 360) + 360) % 360) - 180),
  };
};
