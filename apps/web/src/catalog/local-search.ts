/** The home page's filters, as kept in the URL (`?q=&cuisine=&open=1`). */
export interface Filters {
  q: string;
  cuisine: string;
  open: boolean;
}

interface Listed {
  name: string;
  cuisine: string;
  description: string;
  isOpen: boolean;
}

// The restaurants service's own normalisation (packages/restaurants/src/domain/restaurant.ts).
const normalise = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * Filters the full list the page already has, for when the service cannot be asked. Cuisine and "open
 * now" follow the service's rules exactly (and its order, open first then by rating, is kept); words match
 * only names, cuisines and descriptions, because the dishes are not part of the list.
 */
export const searchLocally = <R extends Listed>(restaurants: readonly R[], filters: Filters): R[] => {
  const terms = normalise(filters.q).split(/\s+/).filter(Boolean);
  const cuisine = filters.cuisine ? normalise(filters.cuisine) : undefined;
  return restaurants.filter((r) => {
    if (filters.open && !r.isOpen) return false;
    if (cuisine && normalise(r.cuisine) !== cuisine) return false;
    if (terms.length === 0) return true;
    const haystack = normalise(`${r.name} ${r.cuisine} ${r.description}`);
    return terms.every((t) => haystack.includes(t));
  });
};
