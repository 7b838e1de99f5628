import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/**
 * A country withdraws a person from its delegation: the button, the dialog that says what it
 * does before it is done, the audit log's sentence, and the registrations screen's reason.
 */
export const consoleUiDelegationWithdrawal = defineCatalog({
  es: {
    "ui.deleg.withdraw": "Retirar a {name}…",
    "ui.deleg.w.title": "¿Retirar a {name} de la delegación?",
    "ui.deleg.w.what":
      "{name} dejará de formar parte de la delegación de {country} y su enlace de respuesta dejará de funcionar.",
    "ui.deleg.w.accepted":
      "{name} aceptó: su inscripción como delegado o delegada se anula, la plaza que tenga pasa a la primera persona de la lista de espera, y recibe un correo que dice que su país le retiró.",
    "ui.deleg.w.head":
      "{name} es jefe o jefa de delegación: nombre a otra persona como jefe antes de enviar la delegación.",
    "ui.deleg.w.submitted": "La delegación vuelve a borrador: envíela de nuevo a la secretaría cuando esté completa.",
    "ui.deleg.w.accredited":
      "La delegación sigue acreditada para las demás personas. Hasta que empiece el evento puede nombrar a otra persona en su lugar; la secretaría la acredita.",
    "ui.deleg.w.undo":
      "No se deshace con un clic: para volver a contar con {name}, nómbrele otra vez; recibirá una invitación nueva y, si acepta, se inscribe de nuevo (la plaza que tenía no se le guarda).",
    "ui.deleg.w.confirm": "Retirar a {name}",
    "ui.deleg.w.keep": "No, mantener a {name}",
    "ui.deleg.withdrawn": "{name} fue retirado o retirada de la delegación.",
    "ui.pending.withdrawing": "Retirando…",
    "ui.n.say.delegationWithdraw": "{who} retiró a {person} de la delegación de {country}",
    "ui.reg.by.country": "su país le retiró de la delegación",
  },
  en: {
    "ui.deleg.withdraw": "Withdraw {name}…",
    "ui.deleg.w.title": "Withdraw {name} from the delegation?",
    "ui.deleg.w.what":
      "{name} will no longer be part of the delegation of {country}, and their answer link will stop working.",
    "ui.deleg.w.accepted":
      "{name} accepted: their registration as a delegate is cancelled, any place they hold goes to the first person on the waiting list, and they receive an email saying their country withdrew them.",
    "ui.deleg.w.head": "{name} is the head of delegation: name another head before submitting the delegation.",
    "ui.deleg.w.submitted":
      "The delegation goes back to draft: submit it to the secretariat again once it is complete.",
    "ui.deleg.w.accredited":
      "The delegation stays accredited for the other people. Until the event starts you can name someone else in their place; the secretariat accredits them.",
    "ui.deleg.w.undo":
      "There is no one-click undo: to have {name} back, name them again; they receive a new invitation and, if they accept, register anew (the place they held is not kept for them).",
    "ui.deleg.w.confirm": "Withdraw {name}",
    "ui.deleg.w.keep": "No, keep {name}",
    "ui.deleg.withdrawn": "{name} was withdrawn from the delegation.",
    "ui.pending.withdrawing": "Withdrawing…",
    "ui.n.say.delegationWithdraw": "{who} withdrew {person} from the delegation of {country}",
    "ui.reg.by.country": "withdrawn by their country",
  },
  pt: {
    "ui.deleg.withdraw": "Retirar {name}…",
    "ui.deleg.w.title": "Retirar {name} da delegação?",
    "ui.deleg.w.what":
      "{name} deixará de fazer parte da delegação ({country}), e o link de resposta deixará de funcionar.",
    "ui.deleg.w.accepted":
      "{name} aceitou: a inscrição como delegado ou delegada é cancelada, a vaga que tiver passa à primeira pessoa da lista de espera, e a pessoa recebe um e-mail dizendo que o país a retirou.",
    "ui.deleg.w.head": "{name} é chefe da delegação: nomeie outra pessoa como chefe antes de enviar a delegação.",
    "ui.deleg.w.submitted": "A delegação volta a rascunho: envie-a de novo à secretaria quando estiver completa.",
    "ui.deleg.w.accredited":
      "A delegação continua credenciada para as demais pessoas. Até o início do evento, pode nomear outra pessoa no lugar; a secretaria a credencia.",
    "ui.deleg.w.undo":
      "Não há como desfazer com um clique: para contar de novo com {name}, nomeie a pessoa outra vez; ela recebe um novo convite e, se aceitar, inscreve-se de novo (a vaga que tinha não fica reservada).",
    "ui.deleg.w.confirm": "Retirar {name}",
    "ui.deleg.w.keep": "Não, manter {name}",
    "ui.deleg.withdrawn": "{name} foi retirado ou retirada da delegação.",
    "ui.pending.withdrawing": "Retirando…",
    "ui.n.say.delegationWithdraw": "{who} retirou {person} da delegação ({country})",
    "ui.reg.by.country": "retirada pelo seu país da delegação",
  },
  fr: {
    "ui.deleg.withdraw": "Retirer {name}…",
    "ui.deleg.w.title": "Retirer {name} de la délégation ?",
    "ui.deleg.w.what":
      "{name} ne fera plus partie de la délégation ({country}), et son lien de réponse ne fonctionnera plus.",
    "ui.deleg.w.accepted":
      "{name} a accepté : son inscription comme délégué ou déléguée est annulée, la place qu’elle détient passe à la première personne de la liste d’attente, et elle reçoit un courriel disant que son pays l’a retirée.",
    "ui.deleg.w.head": "{name} est chef de délégation : nommez un autre chef avant de soumettre la délégation.",
    "ui.deleg.w.submitted":
      "La délégation redevient un brouillon : soumettez-la de nouveau au secrétariat une fois complète.",
    "ui.deleg.w.accredited":
      "La délégation reste accréditée pour les autres personnes. Jusqu’au début de l’événement, vous pouvez nommer quelqu’un d’autre à sa place ; le secrétariat l’accrédite.",
    "ui.deleg.w.undo":
      "Pas d’annulation en un clic : pour compter de nouveau sur {name}, nommez cette personne à nouveau ; elle reçoit une nouvelle invitation et, si elle accepte, s’inscrit de nouveau (la place qu’elle avait ne lui est pas gardée).",
    "ui.deleg.w.confirm": "Retirer {name}",
    "ui.deleg.w.keep": "Non, garder {name}",
    "ui.deleg.withdrawn": "{name} a été retiré ou retirée de la délégation.",
    "ui.pending.withdrawing": "Retrait en cours…",
    "ui.n.say.delegationWithdraw": "{who} a retiré {person} de la délégation ({country})",
    "ui.reg.by.country": "retirée de la délégation par son pays",
  },
});
