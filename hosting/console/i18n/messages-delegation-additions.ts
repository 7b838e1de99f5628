import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/**
 * People named into an accredited delegation, awaiting the secretariat's accreditation: what the
 * country reads while adding them, what the secretariat reads and presses, and the history's sentence.
 */
export const consoleUiDelegationAdditions = defineCatalog({
  es: {
    "ui.deleg.addAccredited":
      "La delegación está acreditada. Hasta que empiece el evento puede nombrar a más personas dentro del cupo: cada una recibe su invitación y luego espera la acreditación de la secretaría. Quienes ya están acreditados conservan su acreditación y sus lugares.",
    "ui.deleg.awaitingCount": "Personas que esperan la acreditación de la secretaría: {count}.",
    "ui.deleg.awaitingMark": "{answer}; espera la acreditación",
    "ui.deleg.accreditNew": "Acreditar a las personas nuevas de la delegación de {country}",
    "ui.deleg.accreditedNew": "Las personas nuevas de la delegación de {country} quedaron acreditadas.",
    "ui.n.say.delegationAccreditAgain": "{who} acreditó a {people} en la delegación de {country}",
  },
  en: {
    "ui.deleg.addAccredited":
      "The delegation is accredited. Until the event starts you can name more people within the quota: each one receives their invitation and then awaits the secretariat's accreditation. The people already accredited keep their accreditation and their places.",
    "ui.deleg.awaitingCount": "People awaiting the secretariat's accreditation: {count}.",
    "ui.deleg.awaitingMark": "{answer}; awaiting accreditation",
    "ui.deleg.accreditNew": "Accredit the new people of the delegation of {country}",
    "ui.deleg.accreditedNew": "The new people of the delegation of {country} are accredited.",
    "ui.n.say.delegationAccreditAgain": "{who} accredited {people} in the delegation of {country}",
  },
  pt: {
    "ui.deleg.addAccredited":
      "A delegação está credenciada. Até o início do evento, pode nomear mais pessoas dentro da cota: cada uma recebe seu convite e depois aguarda o credenciamento da secretaria. Quem já está credenciado mantém seu credenciamento e seus lugares.",
    "ui.deleg.awaitingCount": "Pessoas aguardando o credenciamento da secretaria: {count}.",
    "ui.deleg.awaitingMark": "{answer}; aguarda credenciamento",
    "ui.deleg.accreditNew": "Credenciar as pessoas novas da delegação ({country})",
    "ui.deleg.accreditedNew": "As pessoas novas da delegação ({country}) foram credenciadas.",
    "ui.n.say.delegationAccreditAgain": "{who} credenciou {people} na delegação ({country})",
  },
  fr: {
    "ui.deleg.addAccredited":
      "La délégation est accréditée. Jusqu’au début de l’événement, vous pouvez nommer d’autres personnes dans la limite du quota : chacune reçoit son invitation puis attend l’accréditation du secrétariat. Les personnes déjà accréditées gardent leur accréditation et leurs places.",
    "ui.deleg.awaitingCount": "Personnes en attente de l’accréditation du secrétariat : {count}.",
    "ui.deleg.awaitingMark": "{answer} ; en attente d’accréditation",
    "ui.deleg.accreditNew": "Accréditer les nouvelles personnes de la délégation ({country})",
    "ui.deleg.accreditedNew": "Les nouvelles personnes de la délégation ({country}) sont accréditées.",
    "ui.n.say.delegationAccreditAgain": "{who} a accrédité {people} dans la délégation ({country})",
  },
});
