import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/** The menu folded behind a button on a narrow screen (hosting/console/menu.tsx). */
export const consoleUiMenu = defineCatalog({
  es: {
    "ui.menu.button": "Menú",
  },
  en: {
    "ui.menu.button": "Menu",
  },
  pt: {
    "ui.menu.button": "Menu",
  },
  fr: {
    "ui.menu.button": "Menu",
  },
});
