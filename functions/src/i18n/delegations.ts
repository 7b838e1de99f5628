import { defineCatalog } from "./catalog.js";

/** Country delegations: the callables' refusals, the invitation email and the answer page. */
export const delegations = defineCatalog({
  es: {
    "console.delegation.country": "Solo los representantes de un país nombran su delegación; el suyo es {country}.",
    "console.delegation.notOpen":
      "Este evento no recibe inscripciones ahora, así que su delegación no puede nombrarse ni cambiarse.",
    "console.delegation.noDelegates": "Este evento no ofrece la categoría de delegado: no admite delegaciones.",
    "console.delegation.quota":
      "Cada país puede nombrar como máximo {quota} personas para este evento. Quite {excess} de la lista.",
    "console.delegation.locked":
      "La delegación ya fue enviada a la secretaría y no puede cambiarse. Si la secretaría la devuelve, podrá corregirla.",
    "console.delegation.acceptedStays":
      "{name} ya aceptó la invitación y tiene su inscripción como delegado: no se le puede quitar. Puede cancelar su inscripción desde su correo.",
    "console.delegation.empty": "Nombre al menos una persona antes de enviar la delegación.",
    "console.delegation.head": "Una delegación se envía con exactamente un jefe o una jefa de delegación.",
    "console.delegation.notFound": "Este país aún no nombró una delegación para este evento.",
    "console.delegation.notSubmitted": "Solo se acredita o devuelve una delegación que su país envió.",
    "notice.delegation.subject": "Invitación a la delegación de {country}: {event}",
    "notice.delegation.body": "La representación de {country} en la Red le nombró {role} de su delegación a «{event}».",
    "notice.delegation.how":
      "Abra el enlace para aceptar o rechazar la invitación. Si acepta, queda inscrito como delegado del evento; la secretaría de la Red acredita la delegación.",
    "notice.delegation.action": "Responder a la invitación",
    "notice.delegation.when": "Fechas del evento: {dates}.",
    "notice.delegation.footer":
      "Recibe este correo porque la representación de {country} en la Red Interamericana de Compras Gubernamentales le nombró en su delegación. Enviado por {site}.",
    "notice.delegation.role.head": "jefe o jefa",
    "notice.delegation.role.delegate": "delegado o delegada",
    "deleg.answer.title": "Invitación a la delegación de {country}",
    "deleg.answer.body": "{name}: la delegación de {country} a «{event}» le nombró {role}. ¿Acepta participar?",
    "deleg.answer.accept": "Acepto",
    "deleg.answer.decline": "No puedo participar",
    "deleg.accepted.title": "Invitación aceptada",
    "deleg.accepted.body":
      "Forma parte de la delegación de {country} a «{event}». Los lugares se dan en el orden de confirmación: recibirá un correo con su lugar o, si ya no quedan, con su puesto en la lista de espera.",
    "deleg.answer.when": "Fechas: {dates}.",
    "deleg.answer.event": "Ver el programa en la página del evento",
    "deleg.declined.title": "Invitación rechazada",
    "deleg.declined.body": "Gracias por responder. La delegación de {country} sabrá que no participará.",
    "deleg.already.title": "Ya respondió",
    "deleg.already.accepted": "Ya aceptó esta invitación; su respuesta no cambia.",
    "deleg.already.declined":
      "Ya rechazó esta invitación; su respuesta no cambia. Si quiere participar, pida a la representación de su país que vuelva a nombrarle.",
    "deleg.closed.title": "Inscripciones cerradas",
    "deleg.closed.body": "Este evento ya no recibe inscripciones, así que la invitación no puede aceptarse.",
    "deleg.invalid.title": "Enlace no válido",
    "deleg.invalid.body":
      "Este enlace no es válido: puede que la invitación se haya retirado o renovado. Use el enlace del correo más reciente.",
  },
  en: {
    "console.delegation.country": "Only a country's representatives name its delegation; yours is {country}.",
    "console.delegation.notOpen":
      "This event is not taking registrations now, so its delegation cannot be named or changed.",
    "console.delegation.noDelegates": "This event does not offer the delegate category: it takes no delegations.",
    "console.delegation.quota":
      "Each country may name at most {quota} people for this event. Remove {excess} from the list.",
    "console.delegation.locked":
      "The delegation was sent to the secretariat and cannot be changed. If the secretariat returns it, you can correct it.",
    "console.delegation.acceptedStays":
      "{name} already accepted and holds a registration as a delegate: they cannot be removed. They can cancel their registration from their email.",
    "console.delegation.empty": "Name at least one person before submitting the delegation.",
    "console.delegation.head": "A delegation is submitted with exactly one head of delegation.",
    "console.delegation.notFound": "This country has not named a delegation for this event yet.",
    "console.delegation.notSubmitted": "Only a delegation its country submitted can be accredited or returned.",
    "notice.delegation.subject": "Invitation to the delegation of {country}: {event}",
    "notice.delegation.body":
      "The representatives of {country} in the Network named you {role} of its delegation to “{event}”.",
    "notice.delegation.how":
      "Open the link to accept or decline. If you accept, you are registered as a delegate of the event; the Network's secretariat accredits the delegation.",
    "notice.delegation.action": "Answer the invitation",
    "notice.delegation.when": "The event's dates: {dates}.",
    "notice.delegation.footer":
      "You receive this email because the representatives of {country} in the Inter-American Government Procurement Network named you in its delegation. Sent by {site}.",
    "notice.delegation.role.head": "head",
    "notice.delegation.role.delegate": "a delegate",
    "deleg.answer.title": "Invitation to the delegation of {country}",
    "deleg.answer.body": "{name}: the delegation of {country} to “{event}” named you {role}. Do you accept?",
    "deleg.answer.accept": "I accept",
    "deleg.answer.decline": "I cannot take part",
    "deleg.accepted.title": "Invitation accepted",
    "deleg.accepted.body":
      "You are part of the delegation of {country} to “{event}”. Places are given in the order of confirmation: an email will give you your place or, if none is left, your position on the waiting list.",
    "deleg.answer.when": "Dates: {dates}.",
    "deleg.answer.event": "See the programme on the event's page",
    "deleg.declined.title": "Invitation declined",
    "deleg.declined.body": "Thank you for answering. The delegation of {country} will know you are not taking part.",
    "deleg.already.title": "Already answered",
    "deleg.already.accepted": "You already accepted this invitation; your answer stands.",
    "deleg.already.declined":
      "You already declined this invitation; your answer stands. If you want to take part, ask your country's representatives to name you again.",
    "deleg.closed.title": "Registration closed",
    "deleg.closed.body": "This event no longer takes registrations, so the invitation cannot be accepted.",
    "deleg.invalid.title": "Link not valid",
    "deleg.invalid.body":
      "This link is not valid: the invitation may have been withdrawn or renewed. Use the link in the latest email.",
  },
  pt: {
    "console.delegation.country": "Só os representantes de um país nomeiam a sua delegação; o seu é {country}.",
    "console.delegation.notOpen":
      "Este evento não recebe inscrições agora, então a sua delegação não pode ser nomeada nem alterada.",
    "console.delegation.noDelegates": "Este evento não oferece a categoria de delegado: não admite delegações.",
    "console.delegation.quota":
      "Cada país pode nomear no máximo {quota} pessoas para este evento. Retire {excess} da lista.",
    "console.delegation.locked":
      "A delegação já foi enviada ao secretariado e não pode ser alterada. Se o secretariado a devolver, poderá corrigi-la.",
    "console.delegation.acceptedStays":
      "{name} já aceitou e tem inscrição como delegado: não pode ser retirado. Pode cancelar a inscrição pelo seu e-mail.",
    "console.delegation.empty": "Nomeie pelo menos uma pessoa antes de enviar a delegação.",
    "console.delegation.head": "Uma delegação é enviada com exatamente um chefe ou uma chefe de delegação.",
    "console.delegation.notFound": "Este país ainda não nomeou uma delegação para este evento.",
    "console.delegation.notSubmitted": "Só se credencia ou devolve uma delegação que o seu país enviou.",
    "notice.delegation.subject": "Convite para a delegação ({country}): {event}",
    "notice.delegation.body":
      "Os representantes do seu país ({country}) na Rede nomearam você {role} da sua delegação para «{event}».",
    "notice.delegation.how":
      "Abra o link para aceitar ou recusar o convite. Se aceitar, fica inscrito como delegado do evento; o secretariado da Rede credencia a delegação.",
    "notice.delegation.action": "Responder ao convite",
    "notice.delegation.when": "Datas do evento: {dates}.",
    "notice.delegation.footer":
      "Você recebe este e-mail porque a representação do país ({country}) na Rede Interamericana de Compras Governamentais nomeou você para a sua delegação. Enviado por {site}.",
    "notice.delegation.role.head": "chefe",
    "notice.delegation.role.delegate": "delegado ou delegada",
    "deleg.answer.title": "Convite para a delegação ({country})",
    "deleg.answer.body": "{name}: a delegação ({country}) para «{event}» nomeou você {role}. Aceita participar?",
    "deleg.answer.accept": "Aceito",
    "deleg.answer.decline": "Não posso participar",
    "deleg.accepted.title": "Convite aceito",
    "deleg.accepted.body":
      "Você faz parte da delegação ({country}) para «{event}». As vagas são dadas na ordem de confirmação: um e-mail lhe dará sua vaga ou, se não houver mais, sua posição na lista de espera.",
    "deleg.answer.when": "Datas: {dates}.",
    "deleg.answer.event": "Ver o programa na página do evento",
    "deleg.declined.title": "Convite recusado",
    "deleg.declined.body": "Obrigado por responder. A delegação ({country}) saberá que você não participará.",
    "deleg.already.title": "Já respondeu",
    "deleg.already.accepted": "Você já aceitou este convite; a sua resposta não muda.",
    "deleg.already.declined":
      "Você já recusou este convite; a sua resposta não muda. Se quiser participar, peça à representação do seu país que o nomeie de novo.",
    "deleg.closed.title": "Inscrições encerradas",
    "deleg.closed.body": "Este evento já não recebe inscrições, então o convite não pode ser aceito.",
    "deleg.invalid.title": "Link inválido",
    "deleg.invalid.body":
      "Este link não é válido: o convite pode ter sido retirado ou renovado. Use o link do e-mail mais recente.",
  },
  fr: {
    "console.delegation.country": "Seuls les représentants d’un pays nomment sa délégation ; le vôtre est {country}.",
    "console.delegation.notOpen":
      "Cet événement ne prend pas d’inscriptions en ce moment : sa délégation ne peut être ni nommée ni modifiée.",
    "console.delegation.noDelegates": "Cet événement n’offre pas la catégorie délégué : il n’admet pas de délégations.",
    "console.delegation.quota":
      "Chaque pays peut nommer au plus {quota} personnes pour cet événement. Retirez-en {excess} de la liste.",
    "console.delegation.locked":
      "La délégation a été envoyée au secrétariat et ne peut plus être modifiée. Si le secrétariat la renvoie, vous pourrez la corriger.",
    "console.delegation.acceptedStays":
      "{name} a déjà accepté et détient une inscription de délégué : on ne peut pas le retirer. Il peut annuler son inscription depuis son courriel.",
    "console.delegation.empty": "Nommez au moins une personne avant d’envoyer la délégation.",
    "console.delegation.head": "Une délégation s’envoie avec exactement un chef ou une cheffe de délégation.",
    "console.delegation.notFound": "Ce pays n’a pas encore nommé de délégation pour cet événement.",
    "console.delegation.notSubmitted": "Seule une délégation envoyée par son pays peut être accréditée ou renvoyée.",
    "notice.delegation.subject": "Invitation à la délégation ({country}) : {event}",
    "notice.delegation.body":
      "Les représentants de votre pays ({country}) au sein du Réseau vous ont nommé {role} de leur délégation à « {event} ».",
    "notice.delegation.how":
      "Ouvrez le lien pour accepter ou refuser l’invitation. Si vous acceptez, vous êtes inscrit comme délégué de l’événement ; le secrétariat du Réseau accrédite la délégation.",
    "notice.delegation.action": "Répondre à l’invitation",
    "notice.delegation.when": "Dates de l’événement : {dates}.",
    "notice.delegation.footer":
      "Vous recevez ce courriel parce que la représentation du pays ({country}) au Réseau interaméricain des marchés publics vous a nommé dans sa délégation. Envoyé par {site}.",
    "notice.delegation.role.head": "chef ou cheffe",
    "notice.delegation.role.delegate": "délégué ou déléguée",
    "deleg.answer.title": "Invitation à la délégation ({country})",
    "deleg.answer.body": "{name} : la délégation ({country}) à « {event} » vous a nommé {role}. Acceptez-vous ?",
    "deleg.answer.accept": "J’accepte",
    "deleg.answer.decline": "Je ne peux pas participer",
    "deleg.accepted.title": "Invitation acceptée",
    "deleg.accepted.body":
      "Vous faites partie de la délégation ({country}) à « {event} ». Les places sont attribuées dans l’ordre de confirmation : un courriel vous donnera votre place ou, s’il n’en reste plus, votre rang sur la liste d’attente.",
    "deleg.answer.when": "Dates : {dates}.",
    "deleg.answer.event": "Voir le programme sur la page de l’événement",
    "deleg.declined.title": "Invitation refusée",
    "deleg.declined.body": "Merci d’avoir répondu. La délégation ({country}) saura que vous ne participerez pas.",
    "deleg.already.title": "Déjà répondu",
    "deleg.already.accepted": "Vous avez déjà accepté cette invitation ; votre réponse ne change pas.",
    "deleg.already.declined":
      "Vous avez déjà refusé cette invitation ; votre réponse ne change pas. Pour participer, demandez à la représentation de votre pays de vous nommer à nouveau.",
    "deleg.closed.title": "Inscriptions closes",
    "deleg.closed.body": "Cet événement ne prend plus d’inscriptions : l’invitation ne peut pas être acceptée.",
    "deleg.invalid.title": "Lien non valide",
    "deleg.invalid.body":
      "Ce lien n’est pas valide : l’invitation a peut-être été retirée ou renouvelée. Utilisez le lien du courriel le plus récent.",
  },
});
