import { defineCatalog } from "./catalog.js";

/**
 * Sessions for accredited delegates only (docs/registration.md, "Delegations"): what a
 * delegate's decision emails, status page and status email say of them, and the email telling
 * the delegates who accepted that the secretariat accredited their delegation. {sessions} is a
 * list of session titles, {country} the country's name, {event} the event's title.
 */
export const registrationAccreditation = defineCatalog({
  es: {
    "regmail.seats.privateHeld":
      "Como delegada o delegado acreditado, tiene lugar en las sesiones privadas: {sessions}.",
    "regmail.seats.privatePending":
      "Sesiones solo para delegados acreditados: {sessions}. Tendrá lugar en ellas cuando la Secretaría acredite la delegación de su país, y se le avisará por correo.",
    "regAccredit.subject": "Delegación acreditada: {event}",
    "regAccredit.body":
      "La Secretaría de la Red acreditó la delegación de {country} para {event}, de la que usted forma parte.",
    "regAccredit.later":
      "Cuando tenga una plaza en el evento, tendrá lugar también en las sesiones privadas: {sessions}. Se le avisará por correo.",
    "regAccredit.action": "Ver mi inscripción",
  },
  en: {
    "regmail.seats.privateHeld": "As an accredited delegate, you hold a place in the private sessions: {sessions}.",
    "regmail.seats.privatePending":
      "Sessions for accredited delegates only: {sessions}. You will hold a place in them once the Secretariat accredits your country's delegation, and you will be told by email.",
    "regAccredit.subject": "Delegation accredited: {event}",
    "regAccredit.body":
      "The Network's Secretariat accredited the delegation of {country} to {event}, of which you are a member.",
    "regAccredit.later":
      "Once you hold a place at the event, you will also hold one in the private sessions: {sessions}. You will be told by email.",
    "regAccredit.action": "See my registration",
  },
  pt: {
    "regmail.seats.privateHeld":
      "Como delegada ou delegado credenciado, você tem lugar nas sessões privadas: {sessions}.",
    "regmail.seats.privatePending":
      "Sessões só para delegados credenciados: {sessions}. Você terá lugar nelas quando a Secretaria credenciar a delegação do seu país, e será avisado por e-mail.",
    "regAccredit.subject": "Delegação credenciada: {event}",
    "regAccredit.body":
      "A Secretaria da Rede credenciou a delegação de {country} para {event}, da qual você faz parte.",
    "regAccredit.later":
      "Quando tiver uma vaga no evento, terá lugar também nas sessões privadas: {sessions}. Você será avisado por e-mail.",
    "regAccredit.action": "Ver minha inscrição",
  },
  fr: {
    "regmail.seats.privateHeld": "En tant que délégué accrédité, vous avez une place aux séances privées : {sessions}.",
    "regmail.seats.privatePending":
      "Séances réservées aux délégués accrédités : {sessions}. Vous y aurez une place quand le Secrétariat aura accrédité la délégation de votre pays, et vous en serez informé par courriel.",
    "regAccredit.subject": "Délégation accréditée : {event}",
    "regAccredit.body":
      "Le Secrétariat du Réseau a accrédité la délégation de {country} pour {event}, dont vous faites partie.",
    "regAccredit.later":
      "Quand vous aurez une place à l'événement, vous en aurez aussi une aux séances privées : {sessions}. Vous en serez informé par courriel.",
    "regAccredit.action": "Voir mon inscription",
  },
});
