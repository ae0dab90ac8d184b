import type { OptionGroup } from "../domain/menu";
import type { DietaryTag, MenuCategory, Restaurant } from "../domain/restaurant";
import { allDayEveryDay, hoursText, OPEN_STORE } from "../domain/store";

type ItemSpec = [
  id: string,
  name: string,
  description: string,
  priceCents: number,
  dietary?: DietaryTag[],
  flags?: { soldOut?: boolean; popular?: boolean; options?: OptionGroup[] },
];

/** An option group: [id, name, price delta, sold out?] per option. */
const group = (
  id: string,
  name: string,
  min: number,
  max: number,
  options: [id: string, name: string, priceDeltaCents: number, soldOut?: boolean][],
): OptionGroup => ({
  id,
  name,
  min,
  max,
  options: options.map(([optionId, optionName, priceDeltaCents, soldOut]) => ({
    id: optionId,
    name: optionName,
    priceDeltaCents,
    available: !soldOut,
  })),
});

const menu = (categories: Record<string, ItemSpec[]>): MenuCategory[] =>
  Object.entries(categories).map(([name, items]) => ({
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    name,
    items: items.map(([id, itemName, description, priceCents, dietary = [], flags = {}]) => ({
      id,
      name: itemName,
      description,
      priceCents,
      dietary,
      available: !flags.soldOut,
      ...(flags.popular ? { popular: true } : {}),
      optionGroups: flags.options ?? [],
    })),
  }));

/** Store settings default to open around the clock in San Francisco's zone, so demos and tests work at any hour. */
type RestaurantSpec = Omit<
  Restaurant,
  "revision" | "slug" | "timeZone" | "openingHours" | "hours" | "store"
> &
  Partial<Pick<Restaurant, "timeZone" | "openingHours" | "store">>;

/** Drawings made for the demo (apps/web/public/illustrations/, drawn by ./illustrations.ts): no emoji. */
const restaurant = (spec: RestaurantSpec): Omit<Restaurant, "revision"> => ({
  ...spec,
  timeZone: spec.timeZone ?? "America/Los_Angeles",
  openingHours: spec.openingHours ?? allDayEveryDay(),
  hours: hoursText(spec.openingHours ?? allDayEveryDay()),
  store: spec.store ?? OPEN_STORE,
  slug: spec.id,
  illustration: `/illustrations/restaurants/${spec.id}.svg`,
  menu: spec.menu.map((c) => ({
    ...c,
    items: c.items.map((i) => ({ ...i, illustration: `/illustrations/dishes/${spec.id}/${i.id}.svg` })),
  })),
});

/** Demo data seeded at the first `npm start`: realistic menus, one sold-out dish, one paused restaurant. */
export const demoRestaurants: Omit<Restaurant, "revision">[] = [
  restaurant({
    id: "bombay-tiffin-house",
    name: "Bombay Tiffin House",
    cuisine: "Indian",
    description: "Home-style curries, fresh tandoor breads and the tiffin boxes Mumbai runs on.",
    address: "412 Valencia St, San Francisco",
    location: { lat: 37.7655, lng: -122.4218 },
    deliveryFeeCents: 299,
    minimumOrderCents: 1000,
    etaMinutes: { min: 25, max: 40 },
    rating: 4.7,
    ratingCount: 1284,
    priceLevel: 2,
    emoji: "🍛",
    accent: "#f59e0b",
    menu: menu({
      Curries: [
        [
          "butter-chicken",
          "Butter Chicken",
          "Tandoori chicken simmered in a silky tomato, butter and fenugreek sauce.",
          1695,
          ["gluten-free"],
          { popular: true },
        ],
        [
          "chana-masala",
          "Chana Masala",
          "Chickpeas slow-cooked with onion, tomato, ginger and amchur.",
          1295,
          ["vegan", "gluten-free", "spicy"],
        ],
        [
          "palak-paneer",
          "Palak Paneer",
          "Fresh cottage cheese in a garlicky spinach purée.",
          1495,
          ["vegetarian", "gluten-free"],
        ],
        [
          "lamb-rogan-josh",
          "Lamb Rogan Josh",
          "Kashmiri braised lamb with chilli, fennel and cardamom.",
          1895,
          ["gluten-free", "spicy", "dairy-free"],
          {
            options: [
              group("spice", "Spice level", 1, 1, [
                ["mild", "Mild", 0],
                ["medium", "Medium", 0],
                ["hot", "Hot", 0],
              ]),
              group("extras", "Extras", 0, 2, [
                ["raita", "Cucumber raita", 150],
                ["extra-naan", "Garlic naan on the side", 395],
                ["extra-lamb", "Extra lamb", 400, true],
              ]),
            ],
          },
        ],
      ],
      "Tandoor & breads": [
        [
          "garlic-naan",
          "Garlic Naan",
          "Leavened flatbread from the tandoor, brushed with garlic butter.",
          395,
          ["vegetarian"],
          { popular: true },
        ],
        [
          "tandoori-roti",
          "Tandoori Roti",
          "Whole-wheat flatbread, charred in the clay oven.",
          295,
          ["vegan"],
        ],
        [
          "paneer-tikka",
          "Paneer Tikka",
          "Marinated paneer, peppers and onion, grilled on skewers.",
          1195,
          ["vegetarian", "gluten-free"],
        ],
      ],
      "Rice & tiffins": [
        [
          "veg-biryani",
          "Vegetable Biryani",
          "Saffron basmati layered with vegetables, mint and fried onions.",
          1395,
          ["vegetarian", "contains-nuts"],
          {
            options: [
              group("portion", "Portion", 1, 1, [
                ["regular", "Regular", 0],
                ["large", "Large", 400],
              ]),
            ],
          },
        ],
        [
          "tiffin-box",
          "Daily Tiffin Box",
          "Dal, sabzi, rice, two rotis, raita and pickle: a full lunch.",
          1595,
          ["vegetarian"],
        ],
      ],
      Desserts: [
        [
          "mango-kulfi",
          "Mango Kulfi",
          "Dense, slow-churned Alphonso mango ice cream.",
          595,
          ["vegetarian", "gluten-free"],
          { soldOut: true },
        ],
        [
          "gulab-jamun",
          "Gulab Jamun",
          "Two warm milk dumplings in rose and cardamom syrup.",
          495,
          ["vegetarian"],
        ],
      ],
    }),
  }),
  restaurant({
    id: "nonna-rosa",
    name: "Nonna Rosa Pizzeria",
    cuisine: "Italian",
    description: "Wood-fired Neapolitan pizza with a 48-hour dough and San Marzano tomatoes.",
    address: "88 Columbus Ave, San Francisco",
    location: { lat: 37.7955, lng: -122.4045 },
    deliveryFeeCents: 199,
    minimumOrderCents: 1200,
    etaMinutes: { min: 20, max: 35 },
    rating: 4.6,
    ratingCount: 2310,
    priceLevel: 2,
    emoji: "🍕",
    accent: "#ef4444",
    menu: menu({
      Pizza: [
        [
          "margherita",
          "Margherita",
          "San Marzano tomato, fior di latte, basil, olive oil.",
          1450,
          ["vegetarian"],
          { popular: true },
        ],
        ["diavola", "Diavola", "Tomato, mozzarella, spicy salami, Calabrian chilli honey.", 1750, ["spicy"]],
        [
          "funghi-tartufo",
          "Funghi e Tartufo",
          "Wild mushrooms, truffle cream, mozzarella, thyme.",
          1850,
          ["vegetarian"],
          {
            options: [
              group("size", "Size", 1, 1, [
                ["30cm", "30 cm", 0],
                ["40cm", "40 cm", 500],
              ]),
              group("toppings", "Extra toppings", 0, 3, [
                ["burrata", "Burrata", 350],
                ["rocket", "Rocket", 100],
                ["truffle", "More truffle", 450],
              ]),
            ],
          },
        ],
        [
          "marinara",
          "Marinara",
          "Tomato, garlic, oregano and olive oil. No cheese.",
          1200,
          ["vegan", "dairy-free"],
        ],
      ],
      Pasta: [
        [
          "cacio-e-pepe",
          "Cacio e Pepe",
          "Tonnarelli, pecorino romano, toasted black pepper.",
          1600,
          ["vegetarian"],
        ],
        ["lasagna", "Lasagna della Nonna", "Beef and pork ragù, béchamel, parmigiano, baked to order.", 1900],
      ],
      Sides: [
        [
          "burrata",
          "Burrata",
          "Creamy burrata, heirloom tomatoes, basil pesto.",
          1300,
          ["vegetarian", "gluten-free", "contains-nuts"],
        ],
        ["caesar", "Caesar Salad", "Little gem, anchovy dressing, parmesan, sourdough croutons.", 1100],
      ],
      Dolci: [
        [
          "tiramisu",
          "Tiramisù",
          "Espresso-soaked savoiardi, mascarpone, cocoa.",
          850,
          ["vegetarian"],
          { popular: true },
        ],
      ],
    }),
  }),
  restaurant({
    id: "sakura-ramen-bar",
    name: "Sakura Ramen Bar",
    cuisine: "Japanese",
    description: "Rich tonkotsu and bright shoyu ramen, gyoza and rice bowls.",
    address: "1730 Post St, San Francisco",
    location: { lat: 37.7855, lng: -122.4304 },
    deliveryFeeCents: 349,
    minimumOrderCents: 1500,
    etaMinutes: { min: 30, max: 45 },
    rating: 4.8,
    ratingCount: 980,
    priceLevel: 2,
    emoji: "🍜",
    accent: "#ec4899",
    menu: menu({
      Ramen: [
        [
          "tonkotsu-ramen",
          "Tonkotsu Ramen",
          "18-hour pork broth, chashu, ajitama egg, wood ear, scallion.",
          1795,
          [],
          {
            popular: true,
            options: [
              group("noodles", "Noodles", 1, 1, [
                ["firm", "Firm", 0],
                ["regular", "Regular", 0],
                ["soft", "Soft", 0],
              ]),
              group("toppings", "Toppings", 0, 3, [
                ["ajitama", "Extra ajitama egg", 200],
                ["chashu", "Extra chashu", 350],
                ["nori", "Nori", 100],
              ]),
            ],
          },
        ],
        [
          "spicy-miso-ramen",
          "Spicy Miso Ramen",
          "Miso and chilli broth, ground pork, corn, bean sprouts.",
          1795,
          ["spicy"],
        ],
        [
          "veggie-shoyu-ramen",
          "Vegetable Shoyu Ramen",
          "Kombu-shiitake broth, tofu, bok choy, bamboo shoots.",
          1595,
          ["vegan", "dairy-free"],
        ],
      ],
      "Small plates": [
        [
          "pork-gyoza",
          "Pork Gyoza (6)",
          "Pan-fried dumplings with ponzu dipping sauce.",
          895,
          ["dairy-free"],
        ],
        ["edamame", "Edamame", "Steamed soybeans with flaky sea salt.", 595, ["vegan", "gluten-free"]],
        ["karaage", "Chicken Karaage", "Crisp Japanese fried chicken with yuzu mayo.", 1095, ["dairy-free"]],
      ],
      Bowls: [
        [
          "chashu-don",
          "Chashu Don",
          "Torched pork belly over rice with pickled ginger.",
          1395,
          ["dairy-free"],
        ],
      ],
    }),
  }),
  restaurant({
    id: "el-fogon-taqueria",
    name: "El Fogón Taquería",
    cuisine: "Mexican",
    description: "Hand-pressed corn tortillas, al pastor off the trompo and salsas made every morning.",
    address: "2901 Mission St, San Francisco",
    location: { lat: 37.751, lng: -122.4185 },
    deliveryFeeCents: 149,
    minimumOrderCents: 800,
    etaMinutes: { min: 15, max: 30 },
    rating: 4.5,
    ratingCount: 3120,
    priceLevel: 1,
    emoji: "🌮",
    accent: "#16a34a",
    menu: menu({
      Tacos: [
        [
          "al-pastor-taco",
          "Al Pastor Taco",
          "Marinated pork, pineapple, onion, cilantro.",
          425,
          ["gluten-free", "dairy-free"],
          { popular: true },
        ],
        [
          "carne-asada-taco",
          "Carne Asada Taco",
          "Grilled steak, guacamole, salsa roja.",
          475,
          ["gluten-free", "dairy-free"],
        ],
        [
          "hongos-taco",
          "Hongos Taco",
          "Garlic mushrooms, epazote, queso fresco.",
          395,
          ["vegetarian", "gluten-free"],
        ],
      ],
      Burritos: [
        [
          "super-burrito",
          "Super Burrito",
          "Your choice of meat, rice, beans, cheese, sour cream, guacamole.",
          1395,
          [],
          {
            popular: true,
            options: [
              group("protein", "Protein", 1, 1, [
                ["asada", "Carne asada", 0],
                ["pastor", "Al pastor", 0],
                ["hongos", "Mushrooms", 0],
              ]),
              group("salsa", "Salsas", 0, 2, [
                ["verde", "Salsa verde", 0],
                ["roja", "Salsa roja", 0],
                ["habanero", "Habanero", 50],
              ]),
            ],
          },
        ],
        [
          "veggie-burrito",
          "Veggie Burrito",
          "Grilled peppers, black beans, rice, pico de gallo.",
          1195,
          ["vegan", "dairy-free"],
        ],
      ],
      Sides: [
        [
          "chips-guac",
          "Chips & Guacamole",
          "Fresh tortilla chips with guacamole made to order.",
          695,
          ["vegan", "gluten-free"],
        ],
        [
          "elote",
          "Elote",
          "Grilled corn, chipotle mayo, cotija, lime.",
          550,
          ["vegetarian", "gluten-free", "spicy"],
        ],
      ],
      Drinks: [
        [
          "horchata",
          "Horchata",
          "Cinnamon rice drink, house-made.",
          395,
          ["vegan", "gluten-free", "contains-nuts"],
        ],
      ],
    }),
  }),
  restaurant({
    id: "green-bowl",
    name: "Green Bowl",
    cuisine: "Healthy",
    description: "Grain bowls, big salads and cold-pressed juices. Everything under 700 calories.",
    address: "500 Hayes St, San Francisco",
    location: { lat: 37.7766, lng: -122.425 },
    deliveryFeeCents: 249,
    minimumOrderCents: 1000,
    etaMinutes: { min: 20, max: 30 },
    rating: 4.4,
    ratingCount: 642,
    priceLevel: 2,
    emoji: "🥗",
    accent: "#22c55e",
    menu: menu({
      Bowls: [
        [
          "harvest-bowl",
          "Harvest Bowl",
          "Roasted sweet potato, kale, quinoa, goat cheese, almonds, balsamic.",
          1450,
          ["vegetarian", "gluten-free", "contains-nuts"],
          { popular: true },
        ],
        [
          "tofu-poke-bowl",
          "Tofu Poke Bowl",
          "Sesame tofu, brown rice, edamame, cucumber, seaweed, ponzu.",
          1395,
          ["vegan", "dairy-free"],
        ],
        [
          "chicken-pesto-bowl",
          "Chicken Pesto Bowl",
          "Grilled chicken, farro, arugula, tomatoes, basil pesto.",
          1550,
          ["contains-nuts"],
        ],
      ],
      Salads: [
        [
          "kale-caesar",
          "Kale Caesar",
          "Lacinato kale, parmesan, lemon, garlic breadcrumbs.",
          1195,
          ["vegetarian"],
        ],
        [
          "greek-salad",
          "Greek Salad",
          "Tomato, cucumber, olives, feta, oregano.",
          1095,
          ["vegetarian", "gluten-free"],
        ],
      ],
      Juices: [
        [
          "green-juice",
          "Green Machine Juice",
          "Kale, cucumber, apple, lemon, ginger.",
          795,
          ["vegan", "gluten-free"],
        ],
      ],
    }),
  }),
  restaurant({
    id: "seoul-kitchen",
    name: "Seoul Kitchen",
    cuisine: "Korean",
    description: "Korean fried chicken, bibimbap and banchan, with gochujang on everything.",
    address: "3211 Geary Blvd, San Francisco",
    location: { lat: 37.7817, lng: -122.456 },
    deliveryFeeCents: 299,
    minimumOrderCents: 1500,
    etaMinutes: { min: 30, max: 50 },
    rating: 4.6,
    ratingCount: 1502,
    priceLevel: 2,
    emoji: "🍗",
    accent: "#f97316",
    menu: menu({
      "Fried chicken": [
        [
          "yangnyeom-chicken",
          "Yangnyeom Chicken",
          "Double-fried wings in sweet and spicy gochujang glaze.",
          1695,
          ["spicy", "dairy-free"],
          {
            popular: true,
            options: [
              group("size", "Size", 1, 1, [
                ["half", "Half (8 pieces)", 0],
                ["whole", "Whole (16 pieces)", 900],
              ]),
            ],
          },
        ],
        [
          "soy-garlic-chicken",
          "Soy Garlic Chicken",
          "Double-fried wings, soy-garlic glaze, sesame.",
          1695,
          ["dairy-free"],
        ],
      ],
      Rice: [
        [
          "dolsot-bibimbap",
          "Dolsot Bibimbap",
          "Rice in a hot stone bowl, vegetables, beef, fried egg, gochujang.",
          1595,
          ["spicy", "dairy-free"],
        ],
        [
          "tofu-bibimbap",
          "Tofu Bibimbap",
          "Rice, seasoned vegetables, crispy tofu, gochujang.",
          1450,
          ["vegan", "spicy"],
        ],
      ],
      Sides: [
        [
          "kimchi",
          "House Kimchi",
          "Napa cabbage fermented for three weeks.",
          495,
          ["vegan", "gluten-free", "spicy"],
        ],
        [
          "japchae",
          "Japchae",
          "Sweet potato glass noodles, vegetables, sesame.",
          995,
          ["vegan", "dairy-free"],
        ],
      ],
    }),
  }),
  restaurant({
    id: "le-petit-four",
    name: "Le Petit Four",
    cuisine: "French",
    description: "A neighbourhood bakery: croissants, quiche and tartes, baked before sunrise.",
    address: "1 Fillmore St, San Francisco",
    location: { lat: 37.772, lng: -122.431 },
    openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: "07:00", closes: "15:00" })),
    store: {
      state: "paused",
      pausedUntil: null,
      busyExtraMinutes: 0,
      message: "Closed today for a private event. Back tomorrow from 07:00.",
    },
    deliveryFeeCents: 199,
    minimumOrderCents: 800,
    etaMinutes: { min: 20, max: 35 },
    rating: 4.9,
    ratingCount: 744,
    priceLevel: 3,
    emoji: "🥐",
    accent: "#a855f7",
    menu: menu({
      Viennoiserie: [
        [
          "croissant",
          "Butter Croissant",
          "Laminated with Normandy butter, 27 layers.",
          450,
          ["vegetarian"],
          { popular: true },
        ],
        [
          "pain-au-chocolat",
          "Pain au Chocolat",
          "Two bars of dark chocolate in croissant dough.",
          495,
          ["vegetarian"],
        ],
      ],
      Savoury: [
        ["quiche-lorraine", "Quiche Lorraine", "Bacon, Gruyère and custard in a short crust.", 1095],
        ["croque-monsieur", "Croque Monsieur", "Ham, Gruyère, béchamel on pain de mie.", 1250],
      ],
      Pâtisserie: [
        ["tarte-citron", "Tarte au Citron", "Lemon curd, torched meringue.", 750, ["vegetarian"]],
        [
          "macarons",
          "Macarons (6)",
          "Pistachio, raspberry, salted caramel, vanilla, chocolate, rose.",
          1200,
          ["vegetarian", "gluten-free", "contains-nuts"],
        ],
      ],
    }),
  }),
];
