import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/**
 * What the console says while an action's call is on its way (some take seconds): in the live
 * region and on the button pressed, so nobody is left before a greyed-out button.
 */
export const consoleUiPending = defineCatalog({
  es: {
    "ui.pending.working": "En curso…",
    "ui.pending.saving": "Guardando…",
    "ui.pending.counting": "Contando…",
    "ui.pending.publishing": "Publicando…",
    "ui.pending.accrediting": "Acreditando…",
    "ui.pending.returning": "Devolviendo…",
  },
  en: {
    "ui.pending.working": "In progress…",
    "ui.pending.saving": "Saving…",
    "ui.pending.counting": "Counting…",
    "ui.pending.publishing": "Publishing…",
    "ui.pending.accrediting": "Accrediting…",
    "ui.pending.returning": "Returning…",
  },
  pt: {
    "ui.pending.working": "Em andamento…",
    "ui.pending.saving": "Salvando…",
    "ui.pending.counting": "Contando…",
    "ui.pending.publishing": "Publicando…",
    "ui.pending.accrediting": "Credenciando…",
    "ui.pending.returning": "Devolvendo…",
  },
  fr: {
    "ui.pending.working": "En cours…",
    "ui.pending.saving": "Enregistrement…",
    "ui.pending.counting": "Comptage…",
    "ui.pending.publishing": "Publication…",
    "ui.pending.accrediting": "Accréditation…",
    "ui.pending.returning": "Renvoi…",
  },
});
