import { defineCatalog } from "./catalog.js";

/**
 * A country names someone into its delegation once accredited (docs/registration.md, "Naming
 * someone into an accredited delegation"): the console's refusals. {name} is the person's name.
 */
export const delegationAdditions = defineCatalog({
  es: {
    "console.delegation.headAccredited":
      "Una delegación acreditada conserva exactamente un jefe o una jefa de delegación: si retiró a quien lo era, nombre a otra persona como jefe.",
    "console.delegation.answeredFixed":
      "{name} ya respondió a la invitación de una delegación acreditada: sus datos no cambian. Para cambiarlos, retírele y nombre a la persona de nuevo.",
  },
  en: {
    "console.delegation.headAccredited":
      "An accredited delegation keeps exactly one head of delegation: if you withdrew the head, name someone else as head.",
    "console.delegation.answeredFixed":
      "{name} has already answered the invitation of an accredited delegation: their details do not change. To change them, withdraw them and name the person again.",
  },
  pt: {
    "console.delegation.headAccredited":
      "Uma delegação credenciada mantém exatamente um chefe ou uma chefe de delegação: se retirou quem era, nomeie outra pessoa como chefe.",
    "console.delegation.answeredFixed":
      "{name} já respondeu ao convite de uma delegação credenciada: seus dados não mudam. Para mudá-los, retire a pessoa e nomeie-a de novo.",
  },
  fr: {
    "console.delegation.headAccredited":
      "Une délégation accréditée garde exactement un chef ou une cheffe de délégation : si vous avez retiré la personne qui l'était, nommez-en une autre.",
    "console.delegation.answeredFixed":
      "{name} a déjà répondu à l'invitation d'une délégation accréditée : ses données ne changent plus. Pour les changer, retirez cette personne et nommez-la de nouveau.",
  },
});
