import { defineCatalog } from "./catalog.js";

/** What a page says of a translation that may be behind its original (the store marks it "outdated"). */
export const translations = defineCatalog({
  es: {
    "document.translation.outdated": "Traducción por actualizar",
    "translation.outdated.notice":
      "Esta traducción puede no reflejar los últimos cambios del original ({lang}), modificado el {date}.",
    "translation.outdated.link": "Leer el original ({lang})",
    "translation.outdated.undated": "Esta traducción puede no reflejar los últimos cambios del original ({lang}).",
  },
  en: {
    "document.translation.outdated": "Translation to be updated",
    "translation.outdated.notice": "This translation may be behind the original ({lang}), which was changed on {date}.",
    "translation.outdated.link": "Read the original ({lang})",
    "translation.outdated.undated": "This translation may be behind the original ({lang}).",
  },
  pt: {
    "document.translation.outdated": "Tradução a atualizar",
    "translation.outdated.notice":
      "Esta tradução pode não refletir as últimas alterações do original ({lang}), modificado em {date}.",
    "translation.outdated.link": "Ler o original ({lang})",
    "translation.outdated.undated": "Esta tradução pode não refletir as últimas alterações do original ({lang}).",
  },
  fr: {
    "document.translation.outdated": "Traduction à mettre à jour",
    "translation.outdated.notice":
      "Cette traduction peut ne pas refléter les dernières modifications de l’original ({lang}), modifié le {date}.",
    "translation.outdated.link": "Lire l’original ({lang})",
    "translation.outdated.undated":
      "Cette traduction peut ne pas refléter les dernières modifications de l’original ({lang}).",
  },
});
