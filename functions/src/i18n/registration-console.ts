import { defineCatalog } from "./catalog.js";

/**
 * Registration in the console: the refusals of its callables, and the email telling a person
 * whether the secretariat approved their category.
 */
export const registrationConsole = defineCatalog({
  es: {
    "console.registration.noEvent": "No existe el evento «{event}». Vuelva a la lista de eventos.",
    "console.registration.notOpenable":
      "Solo se abre la inscripción de un evento publicado y previsto (ni realizado ni cancelado). Publique el evento primero.",
    "console.registration.noSession": "El evento no tiene la sesión n.º {session}. Elija una de sus sesiones.",
    "console.registration.notWaiting":
      "Esta inscripción ya no espera aprobación: alguien la decidió o la persona la canceló. Vuelva a cargar la lista.",
    "console.registration.noRegistration": "Esta inscripción no existe en este evento. Vuelva a cargar la lista.",
    "regApproval.category.delegate": "delegado o delegada",
    "regApproval.category.observer": "observador u observadora",
    "regApproval.category.speaker": "ponente",
    "regApproval.category.press": "prensa",
    "regApproval.approved.subject": "Su inscripción en «{event}» fue aprobada",
    "regApproval.approved.body": "La secretaría aprobó su inscripción como {category} en «{event}».",
    "regApproval.approved.next":
      "Ahora se decide, por orden de aprobación, si obtiene una plaza o un lugar en la lista de espera; otro correo se lo dirá en breve.",
    "regApproval.approved.action": "Cancelar mi inscripción",
    "regApproval.declined.subject": "Su inscripción en «{event}» no fue aprobada",
    "regApproval.declined.body":
      "La secretaría no aprobó su inscripción como {category} en «{event}». No tiene plaza ni lugar en la lista de espera.",
    "regApproval.declined.next": "Puede inscribirse de nuevo en otra categoría que ofrezca el evento, desde su página.",
    "regApproval.declined.action": "Abrir la página del evento",
  },
  en: {
    "console.registration.noEvent": "There is no event “{event}”. Go back to the list of events.",
    "console.registration.notOpenable":
      "Registration opens only for a published event that is still planned (neither held nor cancelled). Publish the event first.",
    "console.registration.noSession": "The event has no session no. {session}. Choose one of its sessions.",
    "console.registration.notWaiting":
      "This registration no longer waits for approval: someone decided it, or the person cancelled. Reload the list.",
    "console.registration.noRegistration": "This registration does not exist for this event. Reload the list.",
    "regApproval.category.delegate": "delegate",
    "regApproval.category.observer": "observer",
    "regApproval.category.speaker": "speaker",
    "regApproval.category.press": "press",
    "regApproval.approved.subject": "Your registration for “{event}” was approved",
    "regApproval.approved.body": "The secretariat approved your registration as {category} for “{event}”.",
    "regApproval.approved.next":
      "Whether you get a place or a position on the waiting list is now being decided, in the order of approval; another email will tell you shortly.",
    "regApproval.approved.action": "Cancel my registration",
    "regApproval.declined.subject": "Your registration for “{event}” was not approved",
    "regApproval.declined.body":
      "The secretariat did not approve your registration as {category} for “{event}”. You hold no place and are not on the waiting list.",
    "regApproval.declined.next": "You may register again in another category the event offers, from its page.",
    "regApproval.declined.action": "Open the event's page",
  },
  pt: {
    "console.registration.noEvent": "Não existe o evento “{event}”. Volte à lista de eventos.",
    "console.registration.notOpenable":
      "A inscrição só se abre para um evento publicado e ainda previsto (nem realizado nem cancelado). Publique o evento primeiro.",
    "console.registration.noSession": "O evento não tem a sessão n.º {session}. Escolha uma das suas sessões.",
    "console.registration.notWaiting":
      "Esta inscrição já não aguarda aprovação: alguém a decidiu ou a pessoa a cancelou. Recarregue a lista.",
    "console.registration.noRegistration": "Esta inscrição não existe neste evento. Recarregue a lista.",
    "regApproval.category.delegate": "delegado ou delegada",
    "regApproval.category.observer": "observador ou observadora",
    "regApproval.category.speaker": "palestrante",
    "regApproval.category.press": "imprensa",
    "regApproval.approved.subject": "A sua inscrição em “{event}” foi aprovada",
    "regApproval.approved.body": "A secretaria aprovou a sua inscrição como {category} em “{event}”.",
    "regApproval.approved.next":
      "Agora decide-se, pela ordem de aprovação, se obtém uma vaga ou uma posição na lista de espera; outro e-mail informará em breve.",
    "regApproval.approved.action": "Cancelar a minha inscrição",
    "regApproval.declined.subject": "A sua inscrição em “{event}” não foi aprovada",
    "regApproval.declined.body":
      "A secretaria não aprovou a sua inscrição como {category} em “{event}”. Não tem vaga nem posição na lista de espera.",
    "regApproval.declined.next":
      "Pode inscrever-se de novo noutra categoria que o evento ofereça, a partir da sua página.",
    "regApproval.declined.action": "Abrir a página do evento",
  },
  fr: {
    "console.registration.noEvent": "L’événement « {event} » n’existe pas. Revenez à la liste des événements.",
    "console.registration.notOpenable":
      "L’inscription ne s’ouvre que pour un événement publié et encore prévu (ni tenu ni annulé). Publiez d’abord l’événement.",
    "console.registration.noSession": "L’événement n’a pas de session n° {session}. Choisissez l’une de ses sessions.",
    "console.registration.notWaiting":
      "Cette inscription n’attend plus d’approbation : quelqu’un l’a décidée ou la personne l’a annulée. Rechargez la liste.",
    "console.registration.noRegistration": "Cette inscription n’existe pas pour cet événement. Rechargez la liste.",
    "regApproval.category.delegate": "délégué ou déléguée",
    "regApproval.category.observer": "observateur ou observatrice",
    "regApproval.category.speaker": "intervenant ou intervenante",
    "regApproval.category.press": "presse",
    "regApproval.approved.subject": "Votre inscription à « {event} » a été approuvée",
    "regApproval.approved.body": "Le secrétariat a approuvé votre inscription comme {category} à « {event} ».",
    "regApproval.approved.next":
      "L’attribution d’une place ou d’un rang sur la liste d’attente se décide maintenant, dans l’ordre d’approbation ; un autre courriel vous le dira sous peu.",
    "regApproval.approved.action": "Annuler mon inscription",
    "regApproval.declined.subject": "Votre inscription à « {event} » n’a pas été approuvée",
    "regApproval.declined.body":
      "Le secrétariat n’a pas approuvé votre inscription comme {category} à « {event} ». Vous n’avez ni place ni rang sur la liste d’attente.",
    "regApproval.declined.next":
      "Vous pouvez vous inscrire de nouveau dans une autre catégorie proposée par l’événement, depuis sa page.",
    "regApproval.declined.action": "Ouvrir la page de l’événement",
  },
});
