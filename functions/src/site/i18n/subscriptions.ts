import { defineCatalog } from "./catalog.js";

/** Email subscriptions: the public pages (subscribe, confirm, unsubscribe) and their emails. */
export const subscriptions = defineCatalog({
  es: {},
  en: {},
  pt: {},
  fr: {},
});
