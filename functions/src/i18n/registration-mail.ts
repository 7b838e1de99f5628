import { defineCatalog } from "./catalog.js";

/**
 * The emails of a registration's decisions (registration/mail.ts): a place, the waiting list, a
 * place offered and taken, a cancellation, an offer that lapsed, reminders and changes to the
 * event. {zone} and {eventZone} are time zones by name ("hora de Chile"), {range} and
 * {deadline} dates with their hours in that zone.
 */
export const registrationMail = defineCatalog({
  es: {
    "regmail.eventChanged.subject": "Cambio de fechas u horas: {event}",
    "regmail.eventChanged.body": "Cambiaron las fechas u horas de {event}. Su plaza se mantiene.",
    "regmail.calendar.updated": "El archivo adjunto actualiza la entrada que ya tiene en su calendario.",
    "regmail.when.event": "Cuándo: {range} ({eventZone}); cada día de {start} a {end}.",
    "regmail.when.person": "En su zona horaria ({zone}): {range}.",
    "regmail.confirmed.subject": "Plaza confirmada: {event}",
    "regmail.confirmed.body": "Su inscripción en {event} está confirmada: tiene una plaza.",
    "regmail.calendar.added":
      "El archivo adjunto (event.ics) agrega el evento a su calendario. Si algo cambia, le enviaremos otro que actualiza la misma entrada.",
    "regmail.waitlisted.subject": "Lista de espera, puesto {position}: {event}",
    "regmail.waitlisted.body":
      "{event} ya no tiene plazas libres. Usted está en la lista de espera, en el puesto {position}. Esto no es una confirmación: por ahora no tiene plaza.",
    "regmail.waitlisted.next":
      "Si se libera una plaza, se ofrece por correo a la primera persona de la lista, que tiene un plazo para aceptarla. Si ya no le interesa, salga de la lista con el enlace de abajo: quienes vienen detrás avanzan un puesto.",
    "regmail.offered.subject": "Se liberó una plaza para usted: {event}",
    "regmail.offered.body":
      "Se liberó una plaza en {event} y se la ofrecemos por su puesto en la lista de espera. Para tomarla, pulse el botón antes del {deadline} ({eventZone}).",
    "regmail.offered.deadlinePerson": "En su zona horaria ({zone}), el plazo vence el {deadline}.",
    "regmail.offered.lapse":
      "Si no la acepta a tiempo, la plaza pasa a la siguiente persona de la lista y su inscripción se cierra.",
    "regmail.offered.action": "Aceptar la plaza",
    "regmail.claimed.subject": "Plaza confirmada desde la lista de espera: {event}",
    "regmail.claimed.body": "Aceptó la plaza que se liberó en {event}: ahora tiene una plaza confirmada.",
    "regmail.cancelled.subject": "Inscripción anulada: {event}",
    "regmail.cancelled.place":
      "Anuló su inscripción en {event}; su plaza pasa a la primera persona de la lista de espera. El archivo adjunto quita el evento de su calendario.",
    "regmail.cancelled.offer":
      "Renunció a la plaza que se le ofreció en {event}; pasa a la siguiente persona de la lista de espera.",
    "regmail.cancelled.waitlist": "Salió de la lista de espera de {event}.",
    "regmail.cancelled.request": "Anuló su inscripción en {event}.",
    "regmail.cancelled.again":
      "Si cambia de idea, puede inscribirse de nuevo mientras la inscripción esté abierta (al final de la lista de espera si el evento está completo).",
    "regmail.lapsed.subject": "Venció el plazo de la plaza ofrecida: {event}",
    "regmail.lapsed.body":
      "El plazo para aceptar la plaza que se le ofreció en {event} venció el {deadline} ({eventZone}) sin respuesta. La plaza pasó a la siguiente persona de la lista y su inscripción quedó cerrada.",
    "regmail.reminder.subject": "Recordatorio: {event} comienza el {date}",
    "regmail.reminder.body": "Le recordamos que tiene una plaza en {event}, que comienza el {date}.",
    "regmail.reminder.calendar":
      "El archivo adjunto es la misma entrada de calendario que ya recibió, por si no la tiene.",
    "regmail.eventCancelled.subject": "Evento cancelado: {event}",
    "regmail.eventCancelled.place":
      "{event} fue cancelado y su plaza queda anulada. El archivo adjunto quita el evento de su calendario.",
    "regmail.eventCancelled.other": "{event} fue cancelado: su inscripción queda anulada.",
    "regmail.placesRaised.subject": "Más plazas en {event}",
    "regmail.placesRaised.body":
      "El comité aumentó las plazas de {event}. Usted sigue en la lista de espera, en el puesto {position}: si una plaza llega a su puesto, se la ofreceremos por correo.",
    "regmail.placesLowered.subject": "Menos plazas en {event}",
    "regmail.placesLowered.held":
      "El comité redujo las plazas de {event}. Nadie pierde una plaza ya confirmada, y la suya se mantiene.",
    "regmail.placesLowered.waiting":
      "El comité redujo las plazas de {event}. Usted sigue en la lista de espera, en el puesto {position}; no se ofrecerán plazas liberadas hasta que las plazas ocupadas bajen del nuevo número.",
    "regmail.action.status": "Ver mi inscripción",
    "regmail.cancel": "Anular mi inscripción",
    "regmail.footer":
      "Recibe este correo porque se inscribió en {event} en {site}. Cada correo trae un enlace para anular la inscripción.",
  },
  en: {
    "regmail.eventChanged.subject": "New dates or hours: {event}",
    "regmail.eventChanged.body": "The dates or hours of {event} have changed. Your place stays.",
    "regmail.calendar.updated": "The attached file updates the entry already in your calendar.",
    "regmail.when.event": "When: {range} ({eventZone}); each day from {start} to {end}.",
    "regmail.when.person": "In your time zone ({zone}): {range}.",
    "regmail.confirmed.subject": "Place confirmed: {event}",
    "regmail.confirmed.body": "Your registration for {event} is confirmed: you have a place.",
    "regmail.calendar.added":
      "The attached file (event.ics) adds the event to your calendar. If anything changes, we will send another that updates the same entry.",
    "regmail.waitlisted.subject": "Waiting list, position {position}: {event}",
    "regmail.waitlisted.body":
      "{event} has no places left. You are on the waiting list, at position {position}. This is not a confirmation: you do not have a place for now.",
    "regmail.waitlisted.next":
      "If a place becomes free, it is offered by email to the first person on the list, who has a deadline to take it. If you are no longer interested, leave the list with the link below: everyone behind you moves up.",
    "regmail.offered.subject": "A place is free for you: {event}",
    "regmail.offered.body":
      "A place has become free at {event} and it is offered to you, being next on the waiting list. To take it, press the button before {deadline} ({eventZone}).",
    "regmail.offered.deadlinePerson": "In your time zone ({zone}), the deadline is {deadline}.",
    "regmail.offered.lapse":
      "If you do not take it in time, the place goes to the next person on the list and your registration is closed.",
    "regmail.offered.action": "Take the place",
    "regmail.claimed.subject": "Place confirmed from the waiting list: {event}",
    "regmail.claimed.body": "You took the place that became free at {event}: you now have a confirmed place.",
    "regmail.cancelled.subject": "Registration cancelled: {event}",
    "regmail.cancelled.place":
      "You cancelled your registration for {event}; your place goes to the first person on the waiting list. The attached file removes the event from your calendar.",
    "regmail.cancelled.offer":
      "You gave up the place offered to you at {event}; it goes to the next person on the waiting list.",
    "regmail.cancelled.waitlist": "You left the waiting list of {event}.",
    "regmail.cancelled.request": "You cancelled your registration for {event}.",
    "regmail.cancelled.again":
      "If you change your mind, you can register again while registration is open (at the end of the waiting list if the event is full).",
    "regmail.lapsed.subject": "The place offered to you has lapsed: {event}",
    "regmail.lapsed.body":
      "The deadline to take the place offered to you at {event} passed on {deadline} ({eventZone}) without an answer. The place went to the next person on the list and your registration is closed.",
    "regmail.reminder.subject": "Reminder: {event} begins on {date}",
    "regmail.reminder.body": "A reminder that you have a place at {event}, which begins on {date}.",
    "regmail.reminder.calendar":
      "The attached file is the same calendar entry you already received, in case you do not have it.",
    "regmail.eventCancelled.subject": "Event cancelled: {event}",
    "regmail.eventCancelled.place":
      "{event} has been cancelled and your place with it. The attached file removes the event from your calendar.",
    "regmail.eventCancelled.other": "{event} has been cancelled: your registration is cancelled.",
    "regmail.placesRaised.subject": "More places at {event}",
    "regmail.placesRaised.body":
      "The committee raised the number of places at {event}. You are still on the waiting list, at position {position}: if a place reaches your position, we will offer it to you by email.",
    "regmail.placesLowered.subject": "Fewer places at {event}",
    "regmail.placesLowered.held":
      "The committee lowered the number of places at {event}. Nobody loses a place already confirmed, and yours stays.",
    "regmail.placesLowered.waiting":
      "The committee lowered the number of places at {event}. You are still on the waiting list, at position {position}; no freed place will be offered until the places held fall below the new number.",
    "regmail.action.status": "See my registration",
    "regmail.cancel": "Cancel my registration",
    "regmail.footer":
      "You receive this email because you registered for {event} on {site}. Every email carries a link to cancel the registration.",
  },
  pt: {
    "regmail.eventChanged.subject": "Mudança de datas ou horários: {event}",
    "regmail.eventChanged.body": "As datas ou os horários de {event} mudaram. Sua vaga continua.",
    "regmail.calendar.updated": "O arquivo anexo atualiza a entrada que já está na sua agenda.",
    "regmail.when.event": "Quando: {range} ({eventZone}); cada dia das {start} às {end}.",
    "regmail.when.person": "No seu fuso horário ({zone}): {range}.",
    "regmail.confirmed.subject": "Vaga confirmada: {event}",
    "regmail.confirmed.body": "Sua inscrição em {event} está confirmada: você tem uma vaga.",
    "regmail.calendar.added":
      "O arquivo anexo (event.ics) adiciona o evento à sua agenda. Se algo mudar, enviaremos outro que atualiza a mesma entrada.",
    "regmail.waitlisted.subject": "Lista de espera, posição {position}: {event}",
    "regmail.waitlisted.body":
      "{event} não tem mais vagas livres. Você está na lista de espera, na posição {position}. Isto não é uma confirmação: por enquanto você não tem vaga.",
    "regmail.waitlisted.next":
      "Se uma vaga for liberada, ela é oferecida por e-mail à primeira pessoa da lista, que tem um prazo para aceitá-la. Se não tiver mais interesse, saia da lista pelo link abaixo: quem vem depois avança uma posição.",
    "regmail.offered.subject": "Uma vaga foi liberada para você: {event}",
    "regmail.offered.body":
      "Uma vaga foi liberada em {event} e é oferecida a você pela sua posição na lista de espera. Para aceitá-la, clique no botão antes de {deadline} ({eventZone}).",
    "regmail.offered.deadlinePerson": "No seu fuso horário ({zone}), o prazo vence em {deadline}.",
    "regmail.offered.lapse":
      "Se não a aceitar a tempo, a vaga passa para a próxima pessoa da lista e sua inscrição é encerrada.",
    "regmail.offered.action": "Aceitar a vaga",
    "regmail.claimed.subject": "Vaga confirmada pela lista de espera: {event}",
    "regmail.claimed.body": "Você aceitou a vaga liberada em {event}: agora tem uma vaga confirmada.",
    "regmail.cancelled.subject": "Inscrição cancelada: {event}",
    "regmail.cancelled.place":
      "Você cancelou sua inscrição em {event}; sua vaga passa para a primeira pessoa da lista de espera. O arquivo anexo remove o evento da sua agenda.",
    "regmail.cancelled.offer":
      "Você renunciou à vaga oferecida em {event}; ela passa para a próxima pessoa da lista de espera.",
    "regmail.cancelled.waitlist": "Você saiu da lista de espera de {event}.",
    "regmail.cancelled.request": "Você cancelou sua inscrição em {event}.",
    "regmail.cancelled.again":
      "Se mudar de ideia, pode se inscrever de novo enquanto as inscrições estiverem abertas (no fim da lista de espera se o evento estiver lotado).",
    "regmail.lapsed.subject": "O prazo da vaga oferecida venceu: {event}",
    "regmail.lapsed.body":
      "O prazo para aceitar a vaga oferecida em {event} venceu em {deadline} ({eventZone}) sem resposta. A vaga passou para a próxima pessoa da lista e sua inscrição foi encerrada.",
    "regmail.reminder.subject": "Lembrete: {event} começa em {date}",
    "regmail.reminder.body": "Lembramos que você tem uma vaga em {event}, que começa em {date}.",
    "regmail.reminder.calendar": "O arquivo anexo é a mesma entrada de agenda que você já recebeu, caso não a tenha.",
    "regmail.eventCancelled.subject": "Evento cancelado: {event}",
    "regmail.eventCancelled.place":
      "{event} foi cancelado e sua vaga também. O arquivo anexo remove o evento da sua agenda.",
    "regmail.eventCancelled.other": "{event} foi cancelado: sua inscrição está cancelada.",
    "regmail.placesRaised.subject": "Mais vagas em {event}",
    "regmail.placesRaised.body":
      "O comitê aumentou as vagas de {event}. Você continua na lista de espera, na posição {position}: se uma vaga chegar à sua posição, nós a ofereceremos por e-mail.",
    "regmail.placesLowered.subject": "Menos vagas em {event}",
    "regmail.placesLowered.held":
      "O comitê reduziu as vagas de {event}. Ninguém perde uma vaga já confirmada, e a sua continua.",
    "regmail.placesLowered.waiting":
      "O comitê reduziu as vagas de {event}. Você continua na lista de espera, na posição {position}; nenhuma vaga liberada será oferecida até que as vagas ocupadas fiquem abaixo do novo número.",
    "regmail.action.status": "Ver minha inscrição",
    "regmail.cancel": "Cancelar minha inscrição",
    "regmail.footer":
      "Você recebe este e-mail porque se inscreveu em {event} em {site}. Cada e-mail traz um link para cancelar a inscrição.",
  },
  fr: {
    "regmail.eventChanged.subject": "Nouvelles dates ou heures : {event}",
    "regmail.eventChanged.body": "Les dates ou les heures de {event} ont changé. Votre place est maintenue.",
    "regmail.calendar.updated": "Le fichier joint met à jour l’entrée déjà présente dans votre agenda.",
    "regmail.when.event": "Quand : {range} ({eventZone}) ; chaque jour de {start} à {end}.",
    "regmail.when.person": "Dans votre fuseau horaire ({zone}) : {range}.",
    "regmail.confirmed.subject": "Place confirmée : {event}",
    "regmail.confirmed.body": "Votre inscription à {event} est confirmée : vous avez une place.",
    "regmail.calendar.added":
      "Le fichier joint (event.ics) ajoute l’événement à votre agenda. Si quelque chose change, nous vous en enverrons un autre qui met à jour la même entrée.",
    "regmail.waitlisted.subject": "Liste d’attente, rang {position} : {event}",
    "regmail.waitlisted.body":
      "{event} n’a plus de places libres. Vous êtes sur la liste d’attente, au rang {position}. Ceci n’est pas une confirmation : vous n’avez pas de place pour l’instant.",
    "regmail.waitlisted.next":
      "Si une place se libère, elle est proposée par courriel à la première personne de la liste, qui a un délai pour l’accepter. Si cela ne vous intéresse plus, quittez la liste avec le lien ci-dessous : les personnes derrière vous avancent d’un rang.",
    "regmail.offered.subject": "Une place s’est libérée pour vous : {event}",
    "regmail.offered.body":
      "Une place s’est libérée à {event} et elle vous est proposée selon votre rang sur la liste d’attente. Pour la prendre, cliquez sur le bouton avant le {deadline} ({eventZone}).",
    "regmail.offered.deadlinePerson": "Dans votre fuseau horaire ({zone}), le délai expire le {deadline}.",
    "regmail.offered.lapse":
      "Si vous ne l’acceptez pas à temps, la place passe à la personne suivante de la liste et votre inscription est close.",
    "regmail.offered.action": "Prendre la place",
    "regmail.claimed.subject": "Place confirmée depuis la liste d’attente : {event}",
    "regmail.claimed.body": "Vous avez pris la place libérée à {event} : vous avez maintenant une place confirmée.",
    "regmail.cancelled.subject": "Inscription annulée : {event}",
    "regmail.cancelled.place":
      "Vous avez annulé votre inscription à {event} ; votre place passe à la première personne de la liste d’attente. Le fichier joint retire l’événement de votre agenda.",
    "regmail.cancelled.offer":
      "Vous avez renoncé à la place qui vous était proposée à {event} ; elle passe à la personne suivante de la liste d’attente.",
    "regmail.cancelled.waitlist": "Vous avez quitté la liste d’attente de {event}.",
    "regmail.cancelled.request": "Vous avez annulé votre inscription à {event}.",
    "regmail.cancelled.again":
      "Si vous changez d’avis, vous pouvez vous inscrire de nouveau tant que les inscriptions sont ouvertes (en fin de liste d’attente si l’événement est complet).",
    "regmail.lapsed.subject": "Le délai de la place proposée a expiré : {event}",
    "regmail.lapsed.body":
      "Le délai pour accepter la place qui vous était proposée à {event} a expiré le {deadline} ({eventZone}) sans réponse. La place est passée à la personne suivante de la liste et votre inscription est close.",
    "regmail.reminder.subject": "Rappel : {event} commence le {date}",
    "regmail.reminder.body": "Nous vous rappelons que vous avez une place à {event}, qui commence le {date}.",
    "regmail.reminder.calendar":
      "Le fichier joint est la même entrée d’agenda que vous avez déjà reçue, au cas où vous ne l’auriez pas.",
    "regmail.eventCancelled.subject": "Événement annulé : {event}",
    "regmail.eventCancelled.place":
      "{event} a été annulé, et votre place avec lui. Le fichier joint retire l’événement de votre agenda.",
    "regmail.eventCancelled.other": "{event} a été annulé : votre inscription est annulée.",
    "regmail.placesRaised.subject": "Plus de places à {event}",
    "regmail.placesRaised.body":
      "Le comité a augmenté le nombre de places à {event}. Vous êtes toujours sur la liste d’attente, au rang {position} : si une place arrive à votre rang, nous vous la proposerons par courriel.",
    "regmail.placesLowered.subject": "Moins de places à {event}",
    "regmail.placesLowered.held":
      "Le comité a réduit le nombre de places à {event}. Personne ne perd une place déjà confirmée, et la vôtre est maintenue.",
    "regmail.placesLowered.waiting":
      "Le comité a réduit le nombre de places à {event}. Vous êtes toujours sur la liste d’attente, au rang {position} ; aucune place libérée ne sera proposée tant que les places occupées ne seront pas sous le nouveau nombre.",
    "regmail.action.status": "Voir mon inscription",
    "regmail.cancel": "Annuler mon inscription",
    "regmail.footer":
      "Vous recevez ce courriel parce que vous vous êtes inscrit(e) à {event} sur {site}. Chaque courriel contient un lien pour annuler l’inscription.",
  },
});
