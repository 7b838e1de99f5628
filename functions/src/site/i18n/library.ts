import { defineCatalog } from "./catalog.js";

/** Strings of the library pages. */
export const library = defineCatalog({
  es: {},
  en: {},
  pt: {},
  fr: {},
});
