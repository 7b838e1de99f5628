import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/** Where each language's translation of a document or record stands, and when its original changed. */
export const consoleUiTranslations = defineCatalog({
  es: {
    "ui.tr.outdated": "por actualizar",
    "ui.trs.col": "Traducciones",
    "ui.trs.list": "Estado de las traducciones",
    "ui.trs.item": "{lang}: {status}",
    "ui.trs.outdatedNote":
      "El original cambió el {date}: las traducciones «por actualizar» pueden no reflejarlo. Al revisarlas, márquelas como «traducido».",
    "ui.trs.status": "Estado de la traducción",
    "ui.trs.outdatedUndated":
      "Las traducciones «por actualizar» pueden no reflejar el original. Al revisarlas, márquelas como «traducido».",
    "ui.trs.untracked": "sin seguimiento",
  },
  en: {
    "ui.tr.outdated": "to be updated",
    "ui.trs.col": "Translations",
    "ui.trs.list": "Translation status",
    "ui.trs.item": "{lang}: {status}",
    "ui.trs.outdatedNote":
      "The original changed on {date}: translations “to be updated” may not reflect it. Once you have checked one, mark it “translated”.",
    "ui.trs.status": "Translation status",
    "ui.trs.outdatedUndated":
      "Translations “to be updated” may not reflect the original. Once you have checked one, mark it “translated”.",
    "ui.trs.untracked": "not tracked",
  },
  pt: {
    "ui.tr.outdated": "a atualizar",
    "ui.trs.col": "Traduções",
    "ui.trs.list": "Situação das traduções",
    "ui.trs.item": "{lang}: {status}",
    "ui.trs.outdatedNote":
      "O original mudou em {date}: as traduções «a atualizar» podem não refleti-lo. Depois de revisá-las, marque-as como «traduzido».",
    "ui.trs.status": "Situação da tradução",
    "ui.trs.outdatedUndated":
      "As traduções «a atualizar» podem não refletir o original. Depois de revisá-las, marque-as como «traduzido».",
    "ui.trs.untracked": "sem acompanhamento",
  },
  fr: {
    "ui.tr.outdated": "à mettre à jour",
    "ui.trs.col": "Traductions",
    "ui.trs.list": "État des traductions",
    "ui.trs.item": "{lang} : {status}",
    "ui.trs.outdatedNote":
      "L’original a changé le {date} : les traductions « à mettre à jour » peuvent ne pas en tenir compte. Une fois relues, marquez-les « traduit ».",
    "ui.trs.status": "État de la traduction",
    "ui.trs.outdatedUndated":
      "Les traductions « à mettre à jour » peuvent ne pas refléter l’original. Une fois relues, marquez-les « traduit ».",
    "ui.trs.untracked": "non suivi",
  },
});
