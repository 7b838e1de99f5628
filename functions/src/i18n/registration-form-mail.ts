import { defineCatalog } from "./catalog.js";

/**
 * The emails the registration form sends: the double opt-in confirmation, and the status of a
 * registration re-sent when its address asks again.
 */
export const registrationFormMail = defineCatalog({
  es: {
    "regform.mail.confirm.subject": "Confirme su inscripción: {event}",
    "regform.mail.confirm.body":
      "Pidió inscribirse en «{event}». Abra el enlace y pulse el botón para confirmar: solo entonces obtiene un lugar, o un puesto en la lista de espera si los lugares se acabaron.",
    "regform.mail.confirm.ignore":
      "El enlace vale 48 horas y sirve una sola vez. Si no lo pidió, ignore este mensaje: sin su confirmación no se inscribe nada.",
    "regform.mail.confirm.action": "Confirmar mi inscripción",
    "regform.mail.status.subject": "Su inscripción: {event}",
    "regform.mail.status.again":
      "Se pidió de nuevo inscribir esta dirección en «{event}». Nada cambió: cada dirección tiene una sola inscripción.",
    "regform.mail.status.confirming": "Estamos decidiendo su lugar o su puesto en la lista de espera.",
    "regform.mail.status.awaitingApproval":
      "Su inscripción espera la aprobación de la secretaría de la red: le escribiremos cuando decida.",
    "regform.mail.status.confirmed": "Tiene un lugar en el evento.",
    "regform.mail.status.waitlisted": "Está en la lista de espera, en el puesto {position}.",
    "regform.mail.status.offered": "Le reservamos un lugar hasta el {until}: tómelo desde la página de su inscripción.",
    "regform.mail.status.action": "Ver mi inscripción",
    "regform.mail.cancel": "Cancelar esta inscripción",
  },
  en: {
    "regform.mail.confirm.subject": "Confirm your registration: {event}",
    "regform.mail.confirm.body":
      "You asked to register for “{event}”. Open the link and press the button to confirm: only then do you hold a place, or a position on the waiting list if the places are taken.",
    "regform.mail.confirm.ignore":
      "The link works for 48 hours and only once. If you did not ask for this, ignore this message: nothing is registered without your confirmation.",
    "regform.mail.confirm.action": "Confirm my registration",
    "regform.mail.status.subject": "Your registration: {event}",
    "regform.mail.status.again":
      "Someone asked again to register this address for “{event}”. Nothing changed: one address holds one registration.",
    "regform.mail.status.confirming": "Your place or your position on the waiting list is being decided.",
    "regform.mail.status.awaitingApproval":
      "Your registration awaits the approval of the network's secretariat: we will write to you when it decides.",
    "regform.mail.status.confirmed": "You hold a place at the event.",
    "regform.mail.status.waitlisted": "You are on the waiting list, in position {position}.",
    "regform.mail.status.offered": "A place is held for you until {until}: take it from your registration's page.",
    "regform.mail.status.action": "See my registration",
    "regform.mail.cancel": "Cancel this registration",
  },
  pt: {
    "regform.mail.confirm.subject": "Confirme sua inscrição: {event}",
    "regform.mail.confirm.body":
      "Você pediu para se inscrever em “{event}”. Abra o link e clique no botão para confirmar: só então você obtém uma vaga, ou uma posição na lista de espera se as vagas tiverem acabado.",
    "regform.mail.confirm.ignore":
      "O link vale 48 horas e pode ser usado uma só vez. Se não foi você que pediu, ignore esta mensagem: nada é inscrito sem a sua confirmação.",
    "regform.mail.confirm.action": "Confirmar minha inscrição",
    "regform.mail.status.subject": "Sua inscrição: {event}",
    "regform.mail.status.again":
      "Alguém pediu novamente para inscrever este endereço em “{event}”. Nada mudou: cada endereço tem uma única inscrição.",
    "regform.mail.status.confirming": "Estamos decidindo sua vaga ou sua posição na lista de espera.",
    "regform.mail.status.awaitingApproval":
      "Sua inscrição aguarda a aprovação da secretaria da rede: escreveremos quando ela decidir.",
    "regform.mail.status.confirmed": "Você tem uma vaga no evento.",
    "regform.mail.status.waitlisted": "Você está na lista de espera, na posição {position}.",
    "regform.mail.status.offered": "Reservamos uma vaga para você até {until}: aceite-a na página da sua inscrição.",
    "regform.mail.status.action": "Ver minha inscrição",
    "regform.mail.cancel": "Cancelar esta inscrição",
  },
  fr: {
    "regform.mail.confirm.subject": "Confirmez votre inscription : {event}",
    "regform.mail.confirm.body":
      "Vous avez demandé à vous inscrire à « {event} ». Ouvrez le lien et appuyez sur le bouton pour confirmer : ce n’est qu’alors que vous obtenez une place, ou un rang sur la liste d’attente si les places sont prises.",
    "regform.mail.confirm.ignore":
      "Le lien vaut 48 heures et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : rien n’est inscrit sans votre confirmation.",
    "regform.mail.confirm.action": "Confirmer mon inscription",
    "regform.mail.status.subject": "Votre inscription : {event}",
    "regform.mail.status.again":
      "Quelqu’un a de nouveau demandé à inscrire cette adresse à « {event} ». Rien n’a changé : une adresse n’a qu’une inscription.",
    "regform.mail.status.confirming": "Votre place ou votre rang sur la liste d’attente est en cours d’attribution.",
    "regform.mail.status.awaitingApproval":
      "Votre inscription attend l’approbation du secrétariat du réseau : nous vous écrirons dès sa décision.",
    "regform.mail.status.confirmed": "Vous avez une place à l’événement.",
    "regform.mail.status.waitlisted": "Vous êtes sur la liste d’attente, au rang {position}.",
    "regform.mail.status.offered":
      "Une place vous est réservée jusqu’au {until} : prenez-la depuis la page de votre inscription.",
    "regform.mail.status.action": "Voir mon inscription",
    "regform.mail.cancel": "Annuler cette inscription",
  },
});
