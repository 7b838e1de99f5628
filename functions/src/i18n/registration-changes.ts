import { defineCatalog } from "./catalog.js";

/**
 * A change of the event's days, hours or place told to someone who holds no place yet
 * (registration/changes.ts): on the waiting list, or offered a place. Never a confirmation, and
 * no calendar file. {deadline} is a date with its hour in {eventZone}.
 */
export const registrationChanges = defineCatalog({
  es: {
    "regmail.eventChangedWaiting.list":
      "Cambiaron las fechas, las horas o el lugar de {event}. Usted sigue en la lista de espera, en el puesto {position}. Esto no es una confirmación: por ahora no tiene plaza.",
    "regmail.eventChangedWaiting.offer":
      "Cambiaron las fechas, las horas o el lugar de {event}. La plaza que se le ofreció sigue reservada para usted hasta el {deadline} ({eventZone}); para tomarla, pulse el botón. Hasta entonces no tiene plaza.",
    "regmail.eventChangedWaiting.noCalendar":
      "Este correo no trae archivo de calendario: lo recibirá cuando tenga una plaza.",
  },
  en: {
    "regmail.eventChangedWaiting.list":
      "The dates, hours or place of {event} have changed. You are still on the waiting list, at position {position}. This is not a confirmation: you do not hold a place yet.",
    "regmail.eventChangedWaiting.offer":
      "The dates, hours or place of {event} have changed. The place offered to you is still held for you until {deadline} ({eventZone}); to take it, press the button. Until then you do not hold a place.",
    "regmail.eventChangedWaiting.noCalendar":
      "This email carries no calendar file: you will receive one when you hold a place.",
  },
  pt: {
    "regmail.eventChangedWaiting.list":
      "As datas, os horários ou o local de {event} mudaram. Você continua na lista de espera, na posição {position}. Isto não é uma confirmação: por enquanto você não tem vaga.",
    "regmail.eventChangedWaiting.offer":
      "As datas, os horários ou o local de {event} mudaram. A vaga oferecida a você continua reservada até {deadline} ({eventZone}); para aceitá-la, clique no botão. Até lá você não tem vaga.",
    "regmail.eventChangedWaiting.noCalendar":
      "Este e-mail não traz arquivo de calendário: você o receberá quando tiver uma vaga.",
  },
  fr: {
    "regmail.eventChangedWaiting.list":
      "Les dates, les heures ou le lieu de {event} ont changé. Vous restez sur la liste d’attente, au rang {position}. Ceci n’est pas une confirmation : vous n’avez pas encore de place.",
    "regmail.eventChangedWaiting.offer":
      "Les dates, les heures ou le lieu de {event} ont changé. La place qui vous a été offerte vous reste réservée jusqu’au {deadline} ({eventZone}) ; pour la prendre, appuyez sur le bouton. D’ici là, vous n’avez pas de place.",
    "regmail.eventChangedWaiting.noCalendar":
      "Ce courriel ne contient pas de fichier de calendrier : vous le recevrez quand vous aurez une place.",
  },
});
