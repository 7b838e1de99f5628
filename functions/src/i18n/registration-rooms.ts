import { defineCatalog } from "./catalog.js";

/**
 * Sessions with a room of their own (docs/registration.md, "Rooms"): what the decision emails,
 * the status page and email, and the public form say of a room's seats. A seat is a place in a
 * session's room, told apart from the event's place. {sessions} and {session} are session
 * titles, a list of them for {sessions}.
 */
export const registrationRooms = defineCatalog({
  es: {
    "regmail.seats.held": "Sesiones en las que tiene lugar: {sessions}.",
    "regmail.seats.full":
      "La sala de la sesión {session} estaba completa: tiene la plaza del evento, sin asiento en esa sesión. Si se libera un asiento en esa sala, será para la primera persona que lo espera, por orden de confirmación, y se le avisará por correo.",
    "regmail.seats.fullOffer":
      "La sala de la sesión {session} está completa: la plaza ofrecida no incluye asiento en esa sesión. Si se libera uno, será para la primera persona que lo espera, por orden de confirmación, y se le avisará por correo.",
    "regmail.seatGiven.subject": "Ya tiene asiento en {sessions}: {event}",
    "regmail.seatGiven.body":
      "Se liberó un asiento en la sala de {sessions} ({event}) y ahora es suyo: lo esperaba y era la primera persona por orden de confirmación. Su plaza en el evento se mantiene.",
    "regmail.roomLowered.subject": "Menos lugares en la sala de {session}: {event}",
    "regmail.roomLowered.held":
      "El comité redujo los lugares de la sala de {session} ({event}). Nadie pierde un asiento ya dado, y el suyo se mantiene.",
    "regmail.roomLowered.waiting":
      "El comité redujo los lugares de la sala de {session} ({event}). Los asientos ya dados se mantienen, así que un asiento que se libere será para quien lo espera solo cuando la sala tenga menos personas que lugares. Su plaza en el evento se mantiene.",
    "regmail.roomAdded.subject": "La sesión {session} tiene ahora sala propia: {event}",
    "regmail.roomAdded.waiting":
      "El comité dio a la sesión {session} ({event}) una sala propia, con menos lugares que las personas que la pidieron. Sus asientos fueron para quienes confirmaron antes que usted: tiene la plaza del evento, sin asiento en esa sesión por ahora. Si se libera uno, será para la primera persona que lo espera, por orden de confirmación, y se le avisará por correo.",
    "regform.room.seatsLeft": "lugares disponibles en esta sala: {count} de {places}",
    "regform.room.full": "esta sala está completa: tendría la plaza del evento sin esta sesión",
    "regmail.seats.pending":
      "La sesión {session} acaba de recibir una sala propia y sus asientos se están dando por orden de confirmación: tiene la plaza del evento y, si un asiento en esa sesión es para usted, se le avisará por correo.",
    "regmail.seats.pendingOffer":
      "La sesión {session} acaba de recibir una sala propia y sus asientos se están dando por orden de confirmación: la plaza ofrecida no incluye por ahora asiento en esa sesión y, si uno es para usted, se le avisará por correo.",
    "regmail.roomRemoved.subject": "La sesión {session} ya no tiene lugares limitados: {event}",
    "regmail.roomRemoved.waiting":
      "El comité quitó a la sesión {session} ({event}) su sala propia: ahora la sesión está abierta a todas las personas con plaza en el evento. Usted esperaba un asiento en ella; ya no lo necesita: la sesión viene con su plaza, sin nada que hacer.",
  },
  en: {
    "regmail.seats.held": "Sessions you hold a place in: {sessions}.",
    "regmail.seats.full":
      "The room of the session {session} was full: you hold the event place, without a seat in that session. If a seat in that room is freed, it goes to the first person waiting for it, in the order of confirmation, and you will be told by email.",
    "regmail.seats.fullOffer":
      "The room of the session {session} is full: the place offered comes without a seat in that session. If one is freed, it goes to the first person waiting for it, in the order of confirmation, and you will be told by email.",
    "regmail.seatGiven.subject": "A seat in {sessions} is now yours: {event}",
    "regmail.seatGiven.body":
      "A seat was freed in the room of {sessions} ({event}) and it is now yours: you were waiting for it and came first in the order of confirmation. Your place at the event stays as it was.",
    "regmail.roomLowered.subject": "Fewer places in the room of {session}: {event}",
    "regmail.roomLowered.held":
      "The committee lowered the places of the room of {session} ({event}). Nobody loses a seat already given, and yours stays.",
    "regmail.roomLowered.waiting":
      "The committee lowered the places of the room of {session} ({event}). The seats already given stay, so a seat freed goes to the people waiting only once the room holds fewer people than its places. Your place at the event stays.",
    "regmail.roomAdded.subject": "The session {session} now has a room of its own: {event}",
    "regmail.roomAdded.waiting":
      "The committee gave the session {session} ({event}) a room of its own, with fewer places than the people who asked for it. Its seats went to those who confirmed before you: you hold the event place, without a seat in that session for now. If one is freed, it goes to the first person waiting for it, in the order of confirmation, and you will be told by email.",
    "regform.room.seatsLeft": "places left in this room: {count} of {places}",
    "regform.room.full": "this room is full: you would hold the event place without this session",
    "regmail.seats.pending":
      "The session {session} has just been given a room of its own, and its seats are being given in the order of confirmation: you hold the event place, and if a seat in that session is yours, you will be told by email.",
    "regmail.seats.pendingOffer":
      "The session {session} has just been given a room of its own, and its seats are being given in the order of confirmation: the place offered comes without a seat in that session for now, and if one is yours, you will be told by email.",
    "regmail.roomRemoved.subject": "The session {session} no longer has limited places: {event}",
    "regmail.roomRemoved.waiting":
      "The committee took away the room of its own of the session {session} ({event}): the session is now open to everyone holding a place at the event. You were waiting for a seat in it and no longer need one: the session comes with your place, nothing to do.",
  },
  pt: {
    "regmail.seats.held": "Sessões em que você tem lugar: {sessions}.",
    "regmail.seats.full":
      "A sala da sessão {session} estava lotada: você tem a vaga do evento, sem lugar nessa sessão. Se um lugar nessa sala for liberado, ele será da primeira pessoa que o espera, por ordem de confirmação, e você será avisado por e-mail.",
    "regmail.seats.fullOffer":
      "A sala da sessão {session} está lotada: a vaga oferecida não inclui lugar nessa sessão. Se um for liberado, ele será da primeira pessoa que o espera, por ordem de confirmação, e você será avisado por e-mail.",
    "regmail.seatGiven.subject": "Um lugar em {sessions} agora é seu: {event}",
    "regmail.seatGiven.body":
      "Foi liberado um lugar na sala de {sessions} ({event}) e agora ele é seu: você o esperava e era a primeira pessoa por ordem de confirmação. Sua vaga no evento continua a mesma.",
    "regmail.roomLowered.subject": "Menos lugares na sala de {session}: {event}",
    "regmail.roomLowered.held":
      "O comitê reduziu os lugares da sala de {session} ({event}). Ninguém perde um lugar já dado, e o seu continua.",
    "regmail.roomLowered.waiting":
      "O comitê reduziu os lugares da sala de {session} ({event}). Os lugares já dados continuam, então um lugar liberado só irá para quem o espera quando a sala tiver menos pessoas que lugares. Sua vaga no evento continua.",
    "regmail.roomAdded.subject": "A sessão {session} agora tem sala própria: {event}",
    "regmail.roomAdded.waiting":
      "O comitê deu à sessão {session} ({event}) uma sala própria, com menos lugares que as pessoas que a pediram. Os lugares foram para quem confirmou antes de você: você tem a vaga do evento, sem lugar nessa sessão por enquanto. Se um for liberado, ele será da primeira pessoa que o espera, por ordem de confirmação, e você será avisado por e-mail.",
    "regform.room.seatsLeft": "lugares disponíveis nesta sala: {count} de {places}",
    "regform.room.full": "esta sala está lotada: você teria a vaga do evento sem esta sessão",
    "regmail.seats.pending":
      "A sessão {session} acaba de receber uma sala própria, e os lugares estão sendo dados por ordem de confirmação: você tem a vaga do evento e, se um lugar nessa sessão for seu, você será avisado por e-mail.",
    "regmail.seats.pendingOffer":
      "A sessão {session} acaba de receber uma sala própria, e os lugares estão sendo dados por ordem de confirmação: a vaga oferecida não inclui por enquanto lugar nessa sessão e, se um for seu, você será avisado por e-mail.",
    "regmail.roomRemoved.subject": "A sessão {session} não tem mais lugares limitados: {event}",
    "regmail.roomRemoved.waiting":
      "O comitê retirou a sala própria da sessão {session} ({event}): a sessão agora está aberta a todas as pessoas com vaga no evento. Você esperava um lugar nela e não precisa mais: a sessão vem com a sua vaga, sem nada a fazer.",
  },
  fr: {
    "regmail.seats.held": "Séances où vous avez une place : {sessions}.",
    "regmail.seats.full":
      "La salle de la séance {session} était complète : vous avez la place de l’événement, sans place dans cette séance. Si une place se libère dans cette salle, elle ira à la première personne qui l’attend, dans l’ordre de confirmation, et vous serez prévenu par courriel.",
    "regmail.seats.fullOffer":
      "La salle de la séance {session} est complète : la place proposée ne comprend pas de place dans cette séance. Si une se libère, elle ira à la première personne qui l’attend, dans l’ordre de confirmation, et vous serez prévenu par courriel.",
    "regmail.seatGiven.subject": "Une place dans la salle de {sessions} est à vous : {event}",
    "regmail.seatGiven.body":
      "Une place s’est libérée dans la salle de {sessions} ({event}) et elle est désormais à vous : vous l’attendiez et veniez en premier dans l’ordre de confirmation. Votre place à l’événement reste la même.",
    "regmail.roomLowered.subject": "Moins de places dans la salle de {session} : {event}",
    "regmail.roomLowered.held":
      "Le comité a réduit les places de la salle de {session} ({event}). Personne ne perd une place déjà donnée, et la vôtre reste.",
    "regmail.roomLowered.waiting":
      "Le comité a réduit les places de la salle de {session} ({event}). Les places déjà données restent : une place libérée n’ira à ceux qui l’attendent que lorsque la salle comptera moins de personnes que de places. Votre place à l’événement reste.",
    "regmail.roomAdded.subject": "La séance {session} a désormais sa propre salle : {event}",
    "regmail.roomAdded.waiting":
      "Le comité a donné à la séance {session} ({event}) une salle propre, avec moins de places que de personnes qui l’ont demandée. Ses places sont allées à ceux qui ont confirmé avant vous : vous avez la place de l’événement, sans place dans cette séance pour l’instant. Si une se libère, elle ira à la première personne qui l’attend, dans l’ordre de confirmation, et vous serez prévenu par courriel.",
    "regform.room.seatsLeft": "places restantes dans cette salle : {count} sur {places}",
    "regform.room.full": "cette salle est complète : vous auriez la place de l’événement sans cette séance",
    "regmail.seats.pending":
      "La séance {session} vient de recevoir une salle propre, et ses places sont données dans l’ordre de confirmation : vous avez la place de l’événement et, si une place dans cette séance est à vous, vous serez prévenu par courriel.",
    "regmail.seats.pendingOffer":
      "La séance {session} vient de recevoir une salle propre, et ses places sont données dans l’ordre de confirmation : la place proposée ne comprend pas pour l’instant de place dans cette séance et, si une est à vous, vous serez prévenu par courriel.",
    "regmail.roomRemoved.subject": "La séance {session} n’a plus de places limitées : {event}",
    "regmail.roomRemoved.waiting":
      "Le comité a retiré à la séance {session} ({event}) sa salle propre : la séance est désormais ouverte à toutes les personnes ayant une place à l’événement. Vous attendiez une place dans cette salle et n’en avez plus besoin : la séance vient avec votre place, sans rien à faire.",
  },
});
