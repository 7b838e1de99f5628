import { defineCatalog } from "./catalog.js";

/** The console's screens for events, initiatives, institutions and topics: their lists and forms. */
export const consoleUiRecords = defineCatalog({
  es: {},
  en: {},
  pt: {},
  fr: {},
});
