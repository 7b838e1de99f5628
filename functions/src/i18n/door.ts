import { defineCatalog } from "./catalog.js";

/** At the door and after: the check-in callables' refusals, and the event page's participant list and counted figures. */
export const door = defineCatalog({
  es: {
    "door.error.unknownPerson": "Esa inscripción no existe en este evento. Vuelva a buscar a la persona.",
    "door.error.noPlace":
      "Esta persona no tiene plaza (está en lista de espera, pendiente o cancelada): no se puede marcar presente.",
    "door.error.noAttendance": "Nadie ha sido marcado presente en este evento: no hay cifras que contar.",
    "door.error.notCounted": "Aún no se han contado las cifras de este evento. Cuéntelas primero.",
    "door.error.eventNotPublished": "El evento no está publicado: publíquelo antes de publicar sus cifras.",
    "event.institutions": "Instituciones",
    "event.countedFromAttendance": "Cifras contadas a partir de la asistencia registrada en el evento.",
    "event.participants": "Participantes",
    "event.participantsNote": "Solo figuran quienes aceptaron aparecer en esta lista.",
    "event.participantsAttended": "Solo figuran quienes asistieron y aceptaron aparecer en esta lista.",
  },
  en: {
    "door.error.unknownPerson": "That registration does not exist for this event. Search for the person again.",
    "door.error.noPlace":
      "This person holds no place (waiting list, pending or cancelled): they cannot be marked present.",
    "door.error.noAttendance": "Nobody has been marked present at this event: there are no figures to count.",
    "door.error.notCounted": "This event's figures have not been counted yet. Count them first.",
    "door.error.eventNotPublished": "The event is not published: publish it before publishing its figures.",
    "event.institutions": "Institutions",
    "event.countedFromAttendance": "Figures counted from the attendance recorded at the event.",
    "event.participants": "Participants",
    "event.participantsNote": "Only people who agreed to appear on this list are shown.",
    "event.participantsAttended": "Only people who attended and agreed to appear on this list are shown.",
  },
  pt: {
    "door.error.unknownPerson": "Essa inscrição não existe neste evento. Procure a pessoa novamente.",
    "door.error.noPlace":
      "Esta pessoa não tem vaga (lista de espera, pendente ou cancelada): não pode ser marcada como presente.",
    "door.error.noAttendance": "Ninguém foi marcado como presente neste evento: não há números a contar.",
    "door.error.notCounted": "Os números deste evento ainda não foram contados. Conte-os primeiro.",
    "door.error.eventNotPublished": "O evento não está publicado: publique-o antes de publicar os seus números.",
    "event.institutions": "Instituições",
    "event.countedFromAttendance": "Números contados a partir da presença registrada no evento.",
    "event.participants": "Participantes",
    "event.participantsNote": "Só aparecem as pessoas que aceitaram figurar nesta lista.",
    "event.participantsAttended": "Só aparecem as pessoas que compareceram e aceitaram figurar nesta lista.",
  },
  fr: {
    "door.error.unknownPerson": "Cette inscription n’existe pas pour cet événement. Cherchez à nouveau la personne.",
    "door.error.noPlace":
      "Cette personne n’a pas de place (liste d’attente, en attente ou annulée) : elle ne peut pas être marquée présente.",
    "door.error.noAttendance": "Personne n’a été marqué présent à cet événement : il n’y a pas de chiffres à compter.",
    "door.error.notCounted": "Les chiffres de cet événement n’ont pas encore été comptés. Comptez-les d’abord.",
    "door.error.eventNotPublished": "L’événement n’est pas publié : publiez-le avant de publier ses chiffres.",
    "event.institutions": "Institutions",
    "event.countedFromAttendance": "Chiffres comptés à partir des présences enregistrées à l’événement.",
    "event.participants": "Participants",
    "event.participantsNote": "Seules figurent les personnes qui ont accepté d’apparaître sur cette liste.",
    "event.participantsAttended":
      "Seules figurent les personnes présentes qui ont accepté d’apparaître sur cette liste.",
  },
});
