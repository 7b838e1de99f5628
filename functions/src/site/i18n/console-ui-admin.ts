import { defineCatalog } from "./catalog.js";

/** The console's screens for the secretariat's screens: people, invitations, seats, the hosting commitment, the outbox. */
export const consoleUiAdmin = defineCatalog({
  es: {},
  en: {},
  pt: {},
  fr: {},
});
