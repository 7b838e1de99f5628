import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/** Rooms on the registrations screen: each session's own room, and who holds or waits for a seat. */
export const consoleUiRooms = defineCatalog({
  es: {
    "ui.rooms.title": "Salas de las sesiones",
    "ui.rooms.note":
      "Una sesión con sala propia tiene sus propios lugares. Quien tiene plaza y pidió la sesión ocupa un asiento de la sala, por orden de confirmación; si estaba completa, tiene la plaza sin ella y espera el primer asiento que se libere.",
    "ui.rooms.col.session": "Sesión",
    "ui.rooms.col.held": "Asientos ocupados",
    "ui.rooms.heldOf": "{held} de {places}",
    "ui.rooms.col.person": "Salas",
    "ui.rooms.seat": "Asiento: {sessions}",
    "ui.rooms.waiting": "Espera asiento: {sessions}",
  },
  en: {
    "ui.rooms.title": "Session rooms",
    "ui.rooms.note":
      "A session with a room of its own has places of its own. Whoever holds a place and asked for the session holds a seat of the room, in the order of confirmation; if it was full, they hold the place without it and wait for the first seat freed.",
    "ui.rooms.col.session": "Session",
    "ui.rooms.col.held": "Seats held",
    "ui.rooms.heldOf": "{held} of {places}",
    "ui.rooms.col.person": "Rooms",
    "ui.rooms.seat": "Seat: {sessions}",
    "ui.rooms.waiting": "Waiting for a seat: {sessions}",
  },
  pt: {
    "ui.rooms.title": "Salas das sessões",
    "ui.rooms.note":
      "Uma sessão com sala própria tem seus próprios lugares. Quem tem vaga e pediu a sessão ocupa um lugar da sala, por ordem de confirmação; se estava lotada, tem a vaga sem ela e aguarda o primeiro lugar liberado.",
    "ui.rooms.col.session": "Sessão",
    "ui.rooms.col.held": "Lugares ocupados",
    "ui.rooms.heldOf": "{held} de {places}",
    "ui.rooms.col.person": "Salas",
    "ui.rooms.seat": "Lugar: {sessions}",
    "ui.rooms.waiting": "Aguarda lugar: {sessions}",
  },
  fr: {
    "ui.rooms.title": "Salles des séances",
    "ui.rooms.note":
      "Une séance qui a sa propre salle a ses propres places. Qui a une place et a demandé la séance occupe une place de la salle, dans l’ordre de confirmation ; si elle était complète, il a la place sans elle et attend la première place libérée.",
    "ui.rooms.col.session": "Séance",
    "ui.rooms.col.held": "Places occupées",
    "ui.rooms.heldOf": "{held} sur {places}",
    "ui.rooms.col.person": "Salles",
    "ui.rooms.seat": "Place : {sessions}",
    "ui.rooms.waiting": "Attend une place : {sessions}",
  },
});
