import { defineCatalog } from "./catalog.js";

/**
 * Registration on the public site: the form on the event page and the pages behind the links of
 * its emails (confirm, status, cancel, claim a place offered).
 */
export const registrationForm = defineCatalog({
  es: {
    "regform.title": "Inscripción",
    "regform.intro":
      "Complete el formulario y le enviaremos un enlace para confirmar. Solo al confirmar obtiene un lugar, o un puesto en la lista de espera si los lugares se acabaron.",
    "regform.placesLeft": "Lugares disponibles: {count} de {places}.",
    "regform.full":
      "El evento está completo: el formulario le inscribe en la lista de espera, y le diremos su puesto al confirmar.",
    "regform.freshness": "La cifra se actualiza aproximadamente cada minuto.",
    "regform.closesAt": "La inscripción cierra el {date}.",
    "regform.state.notYetOpen": "La inscripción para este evento abre el {date}.",
    "regform.state.closed": "La inscripción para este evento cerró el {date}.",
    "regform.state.past": "Este evento ya pasó: la inscripción está cerrada.",
    "regform.state.cancelled": "Este evento fue cancelado: no admite inscripciones.",
    "regform.state.unpublished": "Este evento no está publicado en el sitio: no admite inscripciones.",
    "regform.state.notOpen": "La inscripción para este evento no está abierta.",
    "regform.field.name": "Nombre y apellidos",
    "regform.field.address": "Dirección de correo electrónico",
    "regform.field.institution": "Institución",
    "regform.field.country": "País",
    "regform.field.countryChoose": "Elija un país",
    "regform.field.category": "Categoría",
    "regform.field.lang": "Idioma de los correos",
    "regform.field.timeZone": "Su zona horaria (para las horas de los correos)",
    "regform.field.sessions": "Sesiones con sala propia",
    "regform.field.sessionsHint": "Marque las sesiones a las que desea asistir; sus lugares son limitados.",
    "regform.field.consent":
      "Mostrar mi nombre, institución y país en la lista pública de participantes de este evento.",
    "regform.category.delegate": "Delegado o delegada (funcionario de una agencia de un país miembro)",
    "regform.category.observer": "Observador u observadora",
    "regform.category.speaker": "Ponente",
    "regform.category.press": "Prensa",
    "regform.session.privateOne":
      "La sesión privada de este evento es para los delegados acreditados, que nombra la delegación de su país: este formulario no la ofrece.",
    "regform.session.privateMany":
      "Las sesiones privadas de este evento son para los delegados acreditados, que nombra la delegación de su país: este formulario no las ofrece.",
    "regform.submit": "Inscribirme",
    "regform.privacy":
      "Usamos sus datos solo para este evento y los borramos después. Cada correo trae un enlace para cancelar la inscripción con un clic.",
    "regform.error.summary": "Revise el formulario",
    "regform.error.name": "Escriba su nombre, de 1 a 200 caracteres.",
    "regform.error.address": "Escriba una dirección de correo electrónico como nombre@ejemplo.org, en una sola línea.",
    "regform.error.institution": "Escriba su institución, de 1 a 300 caracteres.",
    "regform.error.country": "Elija un país de la lista.",
    "regform.error.category": "Elija una de las categorías que ofrece este evento.",
    "regform.error.lang": "Elija uno de los idiomas de la lista.",
    "regform.error.timeZone": "Elija una zona horaria de la lista.",
    "regform.error.sessions": "Marque solo sesiones de este evento que tengan sala propia.",
    "regform.error.privateSession":
      "Las sesiones privadas son solo para los delegados acreditados que nombra la delegación de su país: desmárquelas para inscribirse.",
    "regform.error.origin":
      "Este formulario solo puede enviarse desde la página del evento en el sitio. Ábrala de nuevo y vuelva a enviarlo.",
    "regform.error.tooLarge": "El formulario enviado es demasiado grande. Vuelva a completarlo.",
    "regform.sent.title": "Revise su correo",
    "regform.sent.body":
      "Si la dirección puede recibir correo, le llegará en unos minutos un mensaje sobre su inscripción en «{event}»: un enlace para confirmarla o, si la dirección ya está inscrita, en qué punto está su inscripción. Si no lo ve, revise la carpeta de correo no deseado.",
    "regform.limited.title": "Demasiadas solicitudes",
    "regform.limited.client":
      "Se enviaron demasiadas solicitudes desde su conexión. Inténtelo de nuevo dentro de {minutes} minutos.",
    "regform.limited.global":
      "El sitio recibió demasiadas solicitudes de inscripción en la última hora. Inténtelo de nuevo dentro de {minutes} minutos.",
    "regform.limited.address":
      "Ya se enviaron hoy varios correos sobre esta inscripción a esta dirección. Use el enlace del último o inténtelo de nuevo dentro de {hours} horas.",
    "regform.refused.title": "Inscripción no posible",
    "regform.back": "Volver a la página del evento",
    "regform.confirm.title": "Confirmar la inscripción",
    "regform.confirm.body":
      "Pulse el botón para confirmar su inscripción en «{event}». Los lugares se asignan en el orden de confirmación.",
    "regform.confirm.button": "Confirmar mi inscripción",
    "regform.confirming.title": "Confirmación recibida",
    "regform.confirming.body":
      "Estamos decidiendo su lugar, o su puesto en la lista de espera, en el orden de confirmación. Tarda uno o dos segundos: véalo en la página de su inscripción.",
    "regform.statusLink": "Ver mi inscripción",
    "regform.invalid.title": "Enlace no válido",
    "regform.invalid.confirm":
      "Este enlace de confirmación no es válido, ya se usó o no está completo. Inscríbase de nuevo en la página del evento para recibir otro.",
    "regform.invalid.expired":
      "Este enlace de confirmación venció (vale 48 horas). Inscríbase de nuevo en la página del evento para recibir otro.",
    "regform.invalid.owner":
      "Este enlace no es válido o no está completo. Use el enlace del último correo sobre su inscripción.",
    "regform.status.title": "Su inscripción",
    "regform.status.event": "Evento: {event}",
    "regform.status.pending":
      "Aún no confirmó su inscripción: use el enlace del correo que le enviamos. Sin confirmar no tiene lugar.",
    "regform.status.confirming":
      "Estamos decidiendo su lugar o su puesto en la lista de espera. Esta página se actualiza sola en unos segundos.",
    "regform.status.confirmed": "Tiene un lugar en este evento.",
    "regform.status.waitlisted":
      "Está en la lista de espera, en el puesto {position}. Si se libera un lugar, se lo ofreceremos por correo.",
    "regform.status.offered":
      "Le reservamos un lugar hasta el {until}. Tómelo antes; después pasa a la siguiente persona de la lista.",
    "regform.status.cancelled": "Esta inscripción está cancelada: no tiene lugar ni puesto en la lista de espera.",
    "regform.status.lapsed":
      "El lugar que le ofrecimos no se tomó a tiempo y pasó a la siguiente persona de la lista de espera.",
    "regform.status.cancel": "Cancelar mi inscripción",
    "regform.status.awaitingApproval":
      "Su inscripción espera la aprobación de la secretaría de la red: le escribiremos cuando decida.",
    "regform.status.declined": "La secretaría no aprobó esta inscripción: no tiene lugar en este evento.",
    "regform.status.claim": "Tomar el lugar ofrecido",
    "regform.cancel.title": "Cancelar la inscripción",
    "regform.cancel.body":
      "Pulse el botón para cancelar su inscripción en «{event}». Renuncia a lo que tenga (un lugar o un puesto en la lista de espera) y un lugar liberado pasa a la siguiente persona.",
    "regform.cancel.button": "Cancelar mi inscripción",
    "regform.cancelled.title": "Inscripción cancelada",
    "regform.cancelled.body":
      "Su inscripción en «{event}» está cancelada. Puede inscribirse de nuevo desde la página del evento, al final de la fila.",
    "regform.claim.title": "Tomar el lugar ofrecido",
    "regform.claim.body": "Le reservamos un lugar en «{event}» hasta el {until}. Pulse el botón para tomarlo.",
    "regform.claim.button": "Tomar el lugar",
    "regform.claimed.title": "Lugar confirmado",
    "regform.claimed.body": "Tiene un lugar en «{event}».",
    "regform.claim.expired":
      "El plazo para tomar este lugar terminó: pasa a la siguiente persona de la lista de espera.",
    "regform.claim.none": "Esta inscripción no tiene ningún lugar ofrecido en este momento.",
  },
  en: {
    "regform.title": "Registration",
    "regform.intro":
      "Fill in the form and we will email you a link to confirm. Only once you confirm do you hold a place, or a position on the waiting list if the places are taken.",
    "regform.placesLeft": "Places left: {count} of {places}.",
    "regform.full":
      "The event is full: the form puts you on the waiting list, and you are told your position when you confirm.",
    "regform.freshness": "This figure is updated about once a minute.",
    "regform.closesAt": "Registration closes on {date}.",
    "regform.state.notYetOpen": "Registration for this event opens on {date}.",
    "regform.state.closed": "Registration for this event closed on {date}.",
    "regform.state.past": "This event is over: registration is closed.",
    "regform.state.cancelled": "This event was cancelled: it takes no registrations.",
    "regform.state.unpublished": "This event is not published on the site: it takes no registrations.",
    "regform.state.notOpen": "Registration for this event is not open.",
    "regform.field.name": "Full name",
    "regform.field.address": "Email address",
    "regform.field.institution": "Institution",
    "regform.field.country": "Country",
    "regform.field.countryChoose": "Choose a country",
    "regform.field.category": "Category",
    "regform.field.lang": "Language of the emails",
    "regform.field.timeZone": "Your time zone (for the hours in the emails)",
    "regform.field.sessions": "Sessions with their own room",
    "regform.field.sessionsHint": "Tick the sessions you wish to attend; their places are limited.",
    "regform.field.consent": "Show my name, institution and country on this event's public list of participants.",
    "regform.category.delegate": "Delegate (an official of a member country's agency)",
    "regform.category.observer": "Observer",
    "regform.category.speaker": "Speaker",
    "regform.category.press": "Press",
    "regform.session.privateOne":
      "This event's private session is for accredited delegates, named by their country's delegation: this form does not offer it.",
    "regform.session.privateMany":
      "This event's private sessions are for accredited delegates, named by their country's delegation: this form does not offer them.",
    "regform.submit": "Register",
    "regform.privacy":
      "We use your data for this event only and delete it afterwards. Every email carries a link to cancel the registration in one click.",
    "regform.error.summary": "Check the form",
    "regform.error.name": "Write your name, 1 to 200 characters.",
    "regform.error.address": "Write an email address such as name@example.org, on one line.",
    "regform.error.institution": "Write your institution, 1 to 300 characters.",
    "regform.error.country": "Choose a country from the list.",
    "regform.error.category": "Choose one of the categories this event offers.",
    "regform.error.lang": "Choose one of the languages in the list.",
    "regform.error.timeZone": "Choose a time zone from the list.",
    "regform.error.sessions": "Tick only sessions of this event that have their own room.",
    "regform.error.privateSession":
      "Private sessions are only for the accredited delegates named by their country's delegation: untick them to register.",
    "regform.error.origin":
      "This form can only be sent from the event's page on the site. Open it again and send the form again.",
    "regform.error.tooLarge": "The form sent is too large. Please fill it in again.",
    "regform.sent.title": "Check your mailbox",
    "regform.sent.body":
      "If the address can receive email, a message about your registration for “{event}” will arrive within minutes: a link to confirm it or, if the address is already registered, where the registration stands. If you do not see it, check your spam folder.",
    "regform.limited.title": "Too many requests",
    "regform.limited.client": "Too many requests came from your connection. Please try again in {minutes} minutes.",
    "regform.limited.global":
      "The site received too many registration requests in the last hour. Please try again in {minutes} minutes.",
    "regform.limited.address":
      "Several emails about this registration were already sent to this address today. Use the link of the latest one, or try again in {hours} hours.",
    "regform.refused.title": "Registration not possible",
    "regform.back": "Back to the event's page",
    "regform.confirm.title": "Confirm your registration",
    "regform.confirm.body":
      "Press the button to confirm your registration for “{event}”. Places are given in the order of confirmation.",
    "regform.confirm.button": "Confirm my registration",
    "regform.confirming.title": "Confirmation received",
    "regform.confirming.body":
      "Your place, or your position on the waiting list, is being decided in the order of confirmation. It takes a second or two: see it on your registration's page.",
    "regform.statusLink": "See my registration",
    "regform.invalid.title": "Link not valid",
    "regform.invalid.confirm":
      "This confirmation link is not valid, was already used or is incomplete. Register again on the event's page to get a new one.",
    "regform.invalid.expired":
      "This confirmation link has expired (it works for 48 hours). Register again on the event's page to get a new one.",
    "regform.invalid.owner":
      "This link is not valid or is incomplete. Use the link of the latest email about your registration.",
    "regform.status.title": "Your registration",
    "regform.status.event": "Event: {event}",
    "regform.status.pending":
      "You have not confirmed your registration yet: use the link in the email we sent you. Without confirming you hold no place.",
    "regform.status.confirming":
      "Your place or your position on the waiting list is being decided. This page refreshes by itself in a few seconds.",
    "regform.status.confirmed": "You hold a place at this event.",
    "regform.status.waitlisted":
      "You are on the waiting list, in position {position}. If a place frees up, it is offered to you by email.",
    "regform.status.offered":
      "A place is held for you until {until}. Take it before then; afterwards it passes to the next person on the list.",
    "regform.status.cancelled":
      "This registration is cancelled: it holds no place and no position on the waiting list.",
    "regform.status.lapsed":
      "The place offered to you was not taken in time and passed to the next person on the waiting list.",
    "regform.status.cancel": "Cancel my registration",
    "regform.status.awaitingApproval":
      "Your registration awaits the approval of the network's secretariat: we will write to you when it decides.",
    "regform.status.declined": "The secretariat did not approve this registration: it holds no place at this event.",
    "regform.status.claim": "Take the place offered",
    "regform.cancel.title": "Cancel your registration",
    "regform.cancel.body":
      "Press the button to cancel your registration for “{event}”. Whatever you hold (a place or a position on the waiting list) is given up, and a freed place goes to the next person.",
    "regform.cancel.button": "Cancel my registration",
    "regform.cancelled.title": "Registration cancelled",
    "regform.cancelled.body":
      "Your registration for “{event}” is cancelled. You may register again from the event's page, at the end of the line.",
    "regform.claim.title": "Take the place offered",
    "regform.claim.body": "A place at “{event}” is held for you until {until}. Press the button to take it.",
    "regform.claim.button": "Take the place",
    "regform.claimed.title": "Place confirmed",
    "regform.claimed.body": "You hold a place at “{event}”.",
    "regform.claim.expired": "The time to take this place is over: it passes to the next person on the waiting list.",
    "regform.claim.none": "This registration has no place offered to it at the moment.",
  },
  pt: {
    "regform.title": "Inscrição",
    "regform.intro":
      "Preencha o formulário e enviaremos um link para confirmar. Só ao confirmar você obtém uma vaga, ou uma posição na lista de espera se as vagas tiverem acabado.",
    "regform.placesLeft": "Vagas disponíveis: {count} de {places}.",
    "regform.full":
      "O evento está lotado: o formulário inscreve você na lista de espera, e informaremos sua posição quando confirmar.",
    "regform.freshness": "O número é atualizado aproximadamente a cada minuto.",
    "regform.closesAt": "As inscrições encerram em {date}.",
    "regform.state.notYetOpen": "As inscrições para este evento abrem em {date}.",
    "regform.state.closed": "As inscrições para este evento encerraram em {date}.",
    "regform.state.past": "Este evento já aconteceu: as inscrições estão encerradas.",
    "regform.state.cancelled": "Este evento foi cancelado: não aceita inscrições.",
    "regform.state.unpublished": "Este evento não está publicado no site: não aceita inscrições.",
    "regform.state.notOpen": "As inscrições para este evento não estão abertas.",
    "regform.field.name": "Nome completo",
    "regform.field.address": "Endereço de e-mail",
    "regform.field.institution": "Instituição",
    "regform.field.country": "País",
    "regform.field.countryChoose": "Escolha um país",
    "regform.field.category": "Categoria",
    "regform.field.lang": "Idioma dos e-mails",
    "regform.field.timeZone": "Seu fuso horário (para os horários dos e-mails)",
    "regform.field.sessions": "Sessões com sala própria",
    "regform.field.sessionsHint": "Marque as sessões a que deseja assistir; as vagas são limitadas.",
    "regform.field.consent": "Mostrar meu nome, instituição e país na lista pública de participantes deste evento.",
    "regform.category.delegate": "Delegado ou delegada (servidor de uma agência de um país membro)",
    "regform.category.observer": "Observador ou observadora",
    "regform.category.speaker": "Palestrante",
    "regform.category.press": "Imprensa",
    "regform.session.privateOne":
      "A sessão privada deste evento é para os delegados credenciados, indicados pela delegação do seu país: este formulário não a oferece.",
    "regform.session.privateMany":
      "As sessões privadas deste evento são para os delegados credenciados, indicados pela delegação do seu país: este formulário não as oferece.",
    "regform.submit": "Inscrever-me",
    "regform.privacy":
      "Usamos seus dados somente para este evento e os apagamos depois. Cada e-mail traz um link para cancelar a inscrição com um clique.",
    "regform.error.summary": "Revise o formulário",
    "regform.error.name": "Escreva seu nome, de 1 a 200 caracteres.",
    "regform.error.address": "Escreva um endereço de e-mail como nome@exemplo.org, em uma só linha.",
    "regform.error.institution": "Escreva sua instituição, de 1 a 300 caracteres.",
    "regform.error.country": "Escolha um país da lista.",
    "regform.error.category": "Escolha uma das categorias que este evento oferece.",
    "regform.error.lang": "Escolha um dos idiomas da lista.",
    "regform.error.timeZone": "Escolha um fuso horário da lista.",
    "regform.error.sessions": "Marque somente sessões deste evento que tenham sala própria.",
    "regform.error.privateSession":
      "As sessões privadas são somente para os delegados credenciados indicados pela delegação do seu país: desmarque-as para se inscrever.",
    "regform.error.origin":
      "Este formulário só pode ser enviado a partir da página do evento no site. Abra-a de novo e envie o formulário novamente.",
    "regform.error.tooLarge": "O formulário enviado é grande demais. Preencha-o novamente.",
    "regform.sent.title": "Verifique seu e-mail",
    "regform.sent.body":
      "Se o endereço puder receber e-mails, chegará em alguns minutos uma mensagem sobre sua inscrição em “{event}”: um link para confirmá-la ou, se o endereço já estiver inscrito, a situação da inscrição. Se não a encontrar, verifique a pasta de spam.",
    "regform.limited.title": "Solicitações demais",
    "regform.limited.client":
      "Foram enviadas solicitações demais a partir da sua conexão. Tente novamente daqui a {minutes} minutos.",
    "regform.limited.global":
      "O site recebeu solicitações de inscrição demais na última hora. Tente novamente daqui a {minutes} minutos.",
    "regform.limited.address":
      "Vários e-mails sobre esta inscrição já foram enviados hoje a este endereço. Use o link do último ou tente novamente daqui a {hours} horas.",
    "regform.refused.title": "Inscrição impossível",
    "regform.back": "Voltar à página do evento",
    "regform.confirm.title": "Confirmar a inscrição",
    "regform.confirm.body":
      "Clique no botão para confirmar sua inscrição em “{event}”. As vagas são atribuídas na ordem de confirmação.",
    "regform.confirm.button": "Confirmar minha inscrição",
    "regform.confirming.title": "Confirmação recebida",
    "regform.confirming.body":
      "Estamos decidindo sua vaga, ou sua posição na lista de espera, na ordem de confirmação. Leva um ou dois segundos: veja na página da sua inscrição.",
    "regform.statusLink": "Ver minha inscrição",
    "regform.invalid.title": "Link inválido",
    "regform.invalid.confirm":
      "Este link de confirmação não é válido, já foi usado ou está incompleto. Inscreva-se novamente na página do evento para receber outro.",
    "regform.invalid.expired":
      "Este link de confirmação expirou (vale 48 horas). Inscreva-se novamente na página do evento para receber outro.",
    "regform.invalid.owner":
      "Este link não é válido ou está incompleto. Use o link do último e-mail sobre sua inscrição.",
    "regform.status.title": "Sua inscrição",
    "regform.status.event": "Evento: {event}",
    "regform.status.pending":
      "Você ainda não confirmou sua inscrição: use o link do e-mail que enviamos. Sem confirmar, você não tem vaga.",
    "regform.status.confirming":
      "Estamos decidindo sua vaga ou sua posição na lista de espera. Esta página se atualiza sozinha em alguns segundos.",
    "regform.status.confirmed": "Você tem uma vaga neste evento.",
    "regform.status.waitlisted":
      "Você está na lista de espera, na posição {position}. Se uma vaga for liberada, ela será oferecida a você por e-mail.",
    "regform.status.offered":
      "Reservamos uma vaga para você até {until}. Aceite-a antes disso; depois ela passa à próxima pessoa da lista.",
    "regform.status.cancelled": "Esta inscrição está cancelada: não tem vaga nem posição na lista de espera.",
    "regform.status.lapsed":
      "A vaga oferecida a você não foi aceita a tempo e passou à próxima pessoa da lista de espera.",
    "regform.status.cancel": "Cancelar minha inscrição",
    "regform.status.awaitingApproval":
      "Sua inscrição aguarda a aprovação da secretaria da rede: escreveremos quando ela decidir.",
    "regform.status.declined": "A secretaria não aprovou esta inscrição: ela não tem vaga neste evento.",
    "regform.status.claim": "Aceitar a vaga oferecida",
    "regform.cancel.title": "Cancelar a inscrição",
    "regform.cancel.body":
      "Clique no botão para cancelar sua inscrição em “{event}”. Você renuncia ao que tiver (uma vaga ou uma posição na lista de espera), e uma vaga liberada passa à próxima pessoa.",
    "regform.cancel.button": "Cancelar minha inscrição",
    "regform.cancelled.title": "Inscrição cancelada",
    "regform.cancelled.body":
      "Sua inscrição em “{event}” está cancelada. Você pode se inscrever novamente na página do evento, no fim da fila.",
    "regform.claim.title": "Aceitar a vaga oferecida",
    "regform.claim.body": "Reservamos uma vaga em “{event}” para você até {until}. Clique no botão para aceitá-la.",
    "regform.claim.button": "Aceitar a vaga",
    "regform.claimed.title": "Vaga confirmada",
    "regform.claimed.body": "Você tem uma vaga em “{event}”.",
    "regform.claim.expired": "O prazo para aceitar esta vaga terminou: ela passa à próxima pessoa da lista de espera.",
    "regform.claim.none": "Esta inscrição não tem nenhuma vaga oferecida no momento.",
  },
  fr: {
    "regform.title": "Inscription",
    "regform.intro":
      "Remplissez le formulaire et nous vous enverrons un lien de confirmation. Ce n’est qu’après confirmation que vous obtenez une place, ou un rang sur la liste d’attente si les places sont prises.",
    "regform.placesLeft": "Places restantes : {count} sur {places}.",
    "regform.full":
      "L’événement est complet : le formulaire vous inscrit sur la liste d’attente, et votre rang vous sera indiqué à la confirmation.",
    "regform.freshness": "Ce chiffre est mis à jour environ une fois par minute.",
    "regform.closesAt": "Les inscriptions ferment le {date}.",
    "regform.state.notYetOpen": "Les inscriptions à cet événement ouvrent le {date}.",
    "regform.state.closed": "Les inscriptions à cet événement ont fermé le {date}.",
    "regform.state.past": "Cet événement est passé : les inscriptions sont closes.",
    "regform.state.cancelled": "Cet événement a été annulé : il n’accepte aucune inscription.",
    "regform.state.unpublished": "Cet événement n’est pas publié sur le site : il n’accepte aucune inscription.",
    "regform.state.notOpen": "Les inscriptions à cet événement ne sont pas ouvertes.",
    "regform.field.name": "Nom complet",
    "regform.field.address": "Adresse électronique",
    "regform.field.institution": "Institution",
    "regform.field.country": "Pays",
    "regform.field.countryChoose": "Choisissez un pays",
    "regform.field.category": "Catégorie",
    "regform.field.lang": "Langue des courriels",
    "regform.field.timeZone": "Votre fuseau horaire (pour les heures des courriels)",
    "regform.field.sessions": "Séances avec leur propre salle",
    "regform.field.sessionsHint": "Cochez les séances auxquelles vous souhaitez assister ; leurs places sont limitées.",
    "regform.field.consent":
      "Afficher mon nom, mon institution et mon pays sur la liste publique des participants de cet événement.",
    "regform.category.delegate": "Délégué ou déléguée (agent d’une agence d’un pays membre)",
    "regform.category.observer": "Observateur ou observatrice",
    "regform.category.speaker": "Intervenant ou intervenante",
    "regform.category.press": "Presse",
    "regform.session.privateOne":
      "La séance privée de cet événement est réservée aux délégués accrédités, désignés par la délégation de leur pays : ce formulaire ne la propose pas.",
    "regform.session.privateMany":
      "Les séances privées de cet événement sont réservées aux délégués accrédités, désignés par la délégation de leur pays : ce formulaire ne les propose pas.",
    "regform.submit": "M’inscrire",
    "regform.privacy":
      "Nous n’utilisons vos données que pour cet événement et les supprimons ensuite. Chaque courriel contient un lien pour annuler l’inscription en un clic.",
    "regform.error.summary": "Vérifiez le formulaire",
    "regform.error.name": "Écrivez votre nom, de 1 à 200 caractères.",
    "regform.error.address": "Écrivez une adresse électronique comme nom@exemple.org, sur une seule ligne.",
    "regform.error.institution": "Écrivez votre institution, de 1 à 300 caractères.",
    "regform.error.country": "Choisissez un pays dans la liste.",
    "regform.error.category": "Choisissez l’une des catégories proposées par cet événement.",
    "regform.error.lang": "Choisissez l’une des langues de la liste.",
    "regform.error.timeZone": "Choisissez un fuseau horaire dans la liste.",
    "regform.error.sessions": "Ne cochez que des séances de cet événement qui ont leur propre salle.",
    "regform.error.privateSession":
      "Les séances privées sont réservées aux délégués accrédités désignés par la délégation de leur pays : décochez-les pour vous inscrire.",
    "regform.error.origin":
      "Ce formulaire ne peut être envoyé que depuis la page de l’événement sur le site. Ouvrez-la de nouveau et renvoyez le formulaire.",
    "regform.error.tooLarge": "Le formulaire envoyé est trop volumineux. Remplissez-le de nouveau.",
    "regform.sent.title": "Consultez votre messagerie",
    "regform.sent.body":
      "Si l’adresse peut recevoir des courriels, un message sur votre inscription à « {event} » arrivera d’ici quelques minutes : un lien pour la confirmer ou, si l’adresse est déjà inscrite, l’état de l’inscription. Si vous ne le voyez pas, vérifiez vos indésirables.",
    "regform.limited.title": "Trop de demandes",
    "regform.limited.client": "Trop de demandes sont venues de votre connexion. Réessayez dans {minutes} minutes.",
    "regform.limited.global":
      "Le site a reçu trop de demandes d’inscription au cours de la dernière heure. Réessayez dans {minutes} minutes.",
    "regform.limited.address":
      "Plusieurs courriels sur cette inscription ont déjà été envoyés aujourd’hui à cette adresse. Utilisez le lien du dernier ou réessayez dans {hours} heures.",
    "regform.refused.title": "Inscription impossible",
    "regform.back": "Retour à la page de l’événement",
    "regform.confirm.title": "Confirmer l’inscription",
    "regform.confirm.body":
      "Appuyez sur le bouton pour confirmer votre inscription à « {event} ». Les places sont attribuées dans l’ordre des confirmations.",
    "regform.confirm.button": "Confirmer mon inscription",
    "regform.confirming.title": "Confirmation reçue",
    "regform.confirming.body":
      "Votre place, ou votre rang sur la liste d’attente, est en cours d’attribution dans l’ordre des confirmations. Cela prend une ou deux secondes : consultez la page de votre inscription.",
    "regform.statusLink": "Voir mon inscription",
    "regform.invalid.title": "Lien non valide",
    "regform.invalid.confirm":
      "Ce lien de confirmation n’est pas valide, a déjà servi ou est incomplet. Inscrivez-vous de nouveau sur la page de l’événement pour en recevoir un autre.",
    "regform.invalid.expired":
      "Ce lien de confirmation a expiré (il vaut 48 heures). Inscrivez-vous de nouveau sur la page de l’événement pour en recevoir un autre.",
    "regform.invalid.owner":
      "Ce lien n’est pas valide ou est incomplet. Utilisez le lien du dernier courriel concernant votre inscription.",
    "regform.status.title": "Votre inscription",
    "regform.status.event": "Événement : {event}",
    "regform.status.pending":
      "Vous n’avez pas encore confirmé votre inscription : utilisez le lien du courriel que nous vous avons envoyé. Sans confirmation, vous n’avez pas de place.",
    "regform.status.confirming":
      "Votre place ou votre rang sur la liste d’attente est en cours d’attribution. Cette page s’actualise d’elle-même dans quelques secondes.",
    "regform.status.confirmed": "Vous avez une place à cet événement.",
    "regform.status.waitlisted":
      "Vous êtes sur la liste d’attente, au rang {position}. Si une place se libère, elle vous sera proposée par courriel.",
    "regform.status.offered":
      "Une place vous est réservée jusqu’au {until}. Prenez-la avant ; ensuite elle passe à la personne suivante de la liste.",
    "regform.status.cancelled": "Cette inscription est annulée : elle n’a ni place ni rang sur la liste d’attente.",
    "regform.status.lapsed":
      "La place qui vous a été proposée n’a pas été prise à temps et est passée à la personne suivante de la liste d’attente.",
    "regform.status.cancel": "Annuler mon inscription",
    "regform.status.awaitingApproval":
      "Votre inscription attend l’approbation du secrétariat du réseau : nous vous écrirons dès sa décision.",
    "regform.status.declined":
      "Le secrétariat n’a pas approuvé cette inscription : elle ne vous donne pas de place à cet événement.",
    "regform.status.claim": "Prendre la place proposée",
    "regform.cancel.title": "Annuler votre inscription",
    "regform.cancel.body":
      "Appuyez sur le bouton pour annuler votre inscription à « {event} ». Vous renoncez à ce que vous détenez (une place ou un rang sur la liste d’attente), et une place libérée passe à la personne suivante.",
    "regform.cancel.button": "Annuler mon inscription",
    "regform.cancelled.title": "Inscription annulée",
    "regform.cancelled.body":
      "Votre inscription à « {event} » est annulée. Vous pouvez vous inscrire de nouveau depuis la page de l’événement, en fin de file.",
    "regform.claim.title": "Prendre la place proposée",
    "regform.claim.body":
      "Une place à « {event} » vous est réservée jusqu’au {until}. Appuyez sur le bouton pour la prendre.",
    "regform.claim.button": "Prendre la place",
    "regform.claimed.title": "Place confirmée",
    "regform.claimed.body": "Vous avez une place à « {event} ».",
    "regform.claim.expired":
      "Le délai pour prendre cette place est écoulé : elle passe à la personne suivante de la liste d’attente.",
    "regform.claim.none": "Cette inscription n’a aucune place proposée en ce moment.",
  },
});
