import { defineCatalog } from "./catalog.js";

/** Strings of the events pages. */
export const events = defineCatalog({
  es: {},
  en: {},
  pt: {},
  fr: {},
});
