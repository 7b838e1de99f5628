import { defineCatalog } from "./catalog.js";

/** Strings of the email the system sends (functions/src/notify/templates.ts and mail/). */
export const notify = defineCatalog({
  es: {
    "links.changed.subject": "Cambió el enlace de {initiative} al sitio de la Red",
    "links.changed.links": "La comprobación semanal encontró que el sitio de {initiative} enlaza al sitio de la Red.",
    "links.changed.missing":
      "La comprobación semanal encontró que el sitio de {initiative} ya no enlaza al sitio de la Red.",
    "links.changed.unreachable": "La comprobación semanal no obtuvo respuesta utilizable del sitio de {initiative}.",
    "links.action": "Ver las iniciativas",
    "commitment.handover.subject": "Traspaso del sitio a {host}: quedan tareas pendientes",
    "commitment.handover.body":
      "El traspaso del sitio de la Red a {host}, registrado el {date}, tiene tareas pendientes: {items}. Márquelas en la consola a medida que se completen; este aviso se repite cada semana mientras quede alguna.",
    "handover.item.domain-dns": "dominio y DNS",
    "handover.item.firebase-project-billing": "propiedad del proyecto Firebase y su cuenta de facturación",
    "handover.item.smtp-sender-domain": "credenciales SMTP y dominio remitente",
    "handover.item.data-export": "exportación completa de los datos, entregada y verificada",
    "handover.item.admin-accounts": "cuentas de administración transferidas y las anteriores revocadas",
    "mail.greeting": "Estimado/a {name}:",
    "mail.greetingAnonymous": "Estimado/a representante:",
    "mail.footer":
      "Recibe este mensaje como representante en la Red Interamericana de Compras Gubernamentales. Enviado por {site}.",
    "mail.timeZone": "Fechas en su zona horaria ({zone}).",
    "commitment.action": "Ver el hospedaje del sitio",
    "commitment.reminder.subject": "El compromiso de hospedaje del sitio vence en {days} días",
    "commitment.reminder.body":
      "El compromiso de {host} de hospedar y mantener el sitio de la Red vence el {date}, dentro de {days} días. El Comité Ejecutivo debe acordar su renovación o su traspaso antes de esa fecha.",
    "commitment.lastDay.subject": "El compromiso de hospedaje del sitio vence hoy",
    "commitment.lastDay.body":
      "El compromiso de {host} de hospedar y mantener el sitio de la Red vence hoy, {date}. Si no se renueva ni se traspasa, el sitio queda sin anfitrión comprometido.",
    "commitment.lapsed.subject": "El compromiso de hospedaje del sitio venció hace {days} días",
    "commitment.lapsed.body":
      "El compromiso de {host} de hospedar y mantener el sitio de la Red venció el {date}, hace {days} días, y no se ha renovado ni traspasado. Este aviso se repite cada semana hasta que se registre una renovación o un traspaso.",
    "notice.submitted.subject": "Documento para revisar: {title}",
    "notice.submitted.body": "{who} envió «{title}» a revisión en la consola de la Red.",
    "notice.submitted.rule":
      "Puede publicarlo cualquier integrante del Comité Ejecutivo o de la secretaría que no haya hecho su última edición.",
    "notice.submitted.action": "Revisar en la consola",
    "notice.seatGained.subject": "{country} tiene ahora un puesto en el Comité Ejecutivo",
    "notice.seatGained.hosted":
      "{country} obtiene un puesto en el Comité Ejecutivo de la Red por haber sido sede de un evento de la Red (regla de Santiago).",
    "notice.seatGained.will-host":
      "{country} obtiene un puesto en el Comité Ejecutivo de la Red por ser sede de un próximo evento de la Red (regla de Santiago).",
    "notice.seatGained.manual":
      "{country} obtiene un puesto en el Comité Ejecutivo por decisión de la secretaría: {reason}",
    "notice.seatGained.rights":
      "Los representantes de {country} con el rol de comité pueden ahora revisar y publicar contenido en la consola.",
    "notice.seatLost.subject": "{country} ya no tiene un puesto en el Comité Ejecutivo",
    "notice.seatLost.body":
      "{country} ya no tiene un puesto en el Comité Ejecutivo de la Red. Sus representantes con el rol de comité actúan ahora como miembros: pueden redactar y enviar a revisión, no publicar.",
    "notice.seat.action": "Ver el Comité Ejecutivo",
    "notice.invitation.subject": "Invitación a la consola de la Red Interamericana de Compras Gubernamentales",
    "notice.invitation.body": "Se le invita a la consola de la Red con el rol de {role}.",
    "notice.invitation.bodyCountry":
      "Se le invita a la consola de la Red con el rol de {role}, en representación de {country}.",
    "notice.invitation.howTo": "Para aceptar, abra el enlace e inicie sesión con esta dirección de correo ({email}).",
    "notice.invitation.expires":
      "El enlace sirve una sola vez y vence el {date}. Si no esperaba esta invitación, puede ignorar este mensaje.",
    "notice.invitation.action": "Aceptar la invitación",
    "notice.event.subject": "{event}: faltan {days} días",
    "notice.event.body": "{event} comienza el {date}, dentro de {days} días.",
    "notice.event.city": "Lugar: {city}.",
    "notice.event.action": "Ver el evento",
  },
  en: {
    "links.changed.subject": "The link from {initiative} to the Network's site changed",
    "links.changed.links": "This week's check found that the website of {initiative} links to the Network's site.",
    "links.changed.missing":
      "This week's check found that the website of {initiative} no longer links to the Network's site.",
    "links.changed.unreachable": "This week's check got no usable answer from the website of {initiative}.",
    "links.action": "See the initiatives",
    "commitment.handover.subject": "Handover of the site to {host}: items still open",
    "commitment.handover.body":
      "The handover of the Network's site to {host}, recorded on {date}, still has open items: {items}. Tick them in the console as they are completed; this notice is repeated every week while any remains.",
    "handover.item.domain-dns": "domain and DNS",
    "handover.item.firebase-project-billing": "ownership of the Firebase project and its billing account",
    "handover.item.smtp-sender-domain": "SMTP credentials and sender domain",
    "handover.item.data-export": "a full data export, handed over and verified",
    "handover.item.admin-accounts": "administrator accounts transferred and the old ones revoked",
    "mail.greeting": "Dear {name},",
    "mail.greetingAnonymous": "Dear representative,",
    "mail.footer":
      "You receive this message as a representative in the Inter-American Government Procurement Network. Sent by {site}.",
    "mail.timeZone": "Dates in your time zone ({zone}).",
    "commitment.action": "See the site's hosting",
    "commitment.reminder.subject": "The site's hosting commitment ends in {days} days",
    "commitment.reminder.body":
      "The commitment of {host} to host and maintain the Network's site ends on {date}, in {days} days. The Executive Committee should agree on its renewal or its handover before then.",
    "commitment.lastDay.subject": "The site's hosting commitment ends today",
    "commitment.lastDay.body":
      "The commitment of {host} to host and maintain the Network's site ends today, {date}. Unless it is renewed or handed over, the site has no committed host.",
    "commitment.lapsed.subject": "The site's hosting commitment ended {days} days ago",
    "commitment.lapsed.body":
      "The commitment of {host} to host and maintain the Network's site ended on {date}, {days} days ago, and has been neither renewed nor handed over. This notice is repeated every week until a renewal or a handover is recorded.",
    "notice.submitted.subject": "Document to review: {title}",
    "notice.submitted.body": "{who} submitted “{title}” for review in the Network's console.",
    "notice.submitted.rule":
      "Any member of the Executive Committee or the secretariat who did not make its last edit may publish it.",
    "notice.submitted.action": "Review in the console",
    "notice.seatGained.subject": "{country} now holds a seat on the Executive Committee",
    "notice.seatGained.hosted":
      "{country} gains a seat on the Network's Executive Committee for having hosted an event of the Network (the Santiago rule).",
    "notice.seatGained.will-host":
      "{country} gains a seat on the Network's Executive Committee as the host of an upcoming event of the Network (the Santiago rule).",
    "notice.seatGained.manual":
      "{country} gains a seat on the Executive Committee by decision of the secretariat: {reason}",
    "notice.seatGained.rights":
      "Representatives of {country} with the committee role can now review and publish content in the console.",
    "notice.seatLost.subject": "{country} no longer holds a seat on the Executive Committee",
    "notice.seatLost.body":
      "{country} no longer holds a seat on the Network's Executive Committee. Its representatives with the committee role now act as members: they can draft and submit for review, not publish.",
    "notice.seat.action": "See the Executive Committee",
    "notice.invitation.subject": "Invitation to the console of the Inter-American Government Procurement Network",
    "notice.invitation.body": "You are invited to the Network's console with the role of {role}.",
    "notice.invitation.bodyCountry":
      "You are invited to the Network's console with the role of {role}, representing {country}.",
    "notice.invitation.howTo": "To accept, open the link and sign in with this email address ({email}).",
    "notice.invitation.expires":
      "The link works once and expires on {date}. If you did not expect this invitation, you can ignore this message.",
    "notice.invitation.action": "Accept the invitation",
    "notice.event.subject": "{event}: {days} days to go",
    "notice.event.body": "{event} begins on {date}, in {days} days.",
    "notice.event.city": "Venue: {city}.",
    "notice.event.action": "See the event",
  },
  pt: {
    "links.changed.subject": "Mudou o link de {initiative} para o site da Rede",
    "links.changed.links": "A verificação semanal constatou que o site de {initiative} tem link para o site da Rede.",
    "links.changed.missing":
      "A verificação semanal constatou que o site de {initiative} não tem mais link para o site da Rede.",
    "links.changed.unreachable": "A verificação semanal não obteve resposta utilizável do site de {initiative}.",
    "links.action": "Ver as iniciativas",
    "commitment.handover.subject": "Transferência do site para {host}: há tarefas pendentes",
    "commitment.handover.body":
      "A transferência do site da Rede para {host}, registrada em {date}, tem tarefas pendentes: {items}. Marque-as no console à medida que forem concluídas; este aviso se repete toda semana enquanto restar alguma.",
    "handover.item.domain-dns": "domínio e DNS",
    "handover.item.firebase-project-billing": "propriedade do projeto Firebase e de sua conta de faturamento",
    "handover.item.smtp-sender-domain": "credenciais SMTP e domínio remetente",
    "handover.item.data-export": "exportação completa dos dados, entregue e verificada",
    "handover.item.admin-accounts": "contas de administração transferidas e as antigas revogadas",
    "mail.greeting": "Prezado(a) {name},",
    "mail.greetingAnonymous": "Prezado(a) representante,",
    "mail.footer":
      "Você recebe esta mensagem como representante na Rede Interamericana de Compras Governamentais. Enviada por {site}.",
    "mail.timeZone": "Datas no seu fuso horário ({zone}).",
    "commitment.action": "Ver a hospedagem do site",
    "commitment.reminder.subject": "O compromisso de hospedagem do site termina em {days} dias",
    "commitment.reminder.body":
      "O compromisso de {host} de hospedar e manter o site da Rede termina em {date}, dentro de {days} dias. O Comitê Executivo deve acordar sua renovação ou sua transferência antes dessa data.",
    "commitment.lastDay.subject": "O compromisso de hospedagem do site termina hoje",
    "commitment.lastDay.body":
      "O compromisso de {host} de hospedar e manter o site da Rede termina hoje, {date}. Se não for renovado nem transferido, o site fica sem anfitrião comprometido.",
    "commitment.lapsed.subject": "O compromisso de hospedagem do site terminou há {days} dias",
    "commitment.lapsed.body":
      "O compromisso de {host} de hospedar e manter o site da Rede terminou em {date}, há {days} dias, e não foi renovado nem transferido. Este aviso se repete toda semana até que se registre uma renovação ou uma transferência.",
    "notice.submitted.subject": "Documento para revisar: {title}",
    "notice.submitted.body": "{who} enviou «{title}» para revisão no console da Rede.",
    "notice.submitted.rule":
      "Pode publicá-lo qualquer integrante do Comitê Executivo ou da secretaria que não tenha feito a sua última edição.",
    "notice.submitted.action": "Revisar no console",
    "notice.seatGained.subject": "{country} tem agora um assento no Comitê Executivo",
    "notice.seatGained.hosted":
      "{country} obtém um assento no Comitê Executivo da Rede por ter sediado um evento da Rede (regra de Santiago).",
    "notice.seatGained.will-host":
      "{country} obtém um assento no Comitê Executivo da Rede por sediar um próximo evento da Rede (regra de Santiago).",
    "notice.seatGained.manual": "{country} obtém um assento no Comitê Executivo por decisão da secretaria: {reason}",
    "notice.seatGained.rights":
      "Os representantes de {country} com o papel de comitê podem agora revisar e publicar conteúdo no console.",
    "notice.seatLost.subject": "{country} já não tem um assento no Comitê Executivo",
    "notice.seatLost.body":
      "{country} já não tem um assento no Comitê Executivo da Rede. Os seus representantes com o papel de comitê atuam agora como membros: podem redigir e enviar para revisão, não publicar.",
    "notice.seat.action": "Ver o Comitê Executivo",
    "notice.invitation.subject": "Convite para o console da Rede Interamericana de Compras Governamentais",
    "notice.invitation.body": "Você foi convidado(a) para o console da Rede com o papel de {role}.",
    "notice.invitation.bodyCountry":
      "Você foi convidado(a) para o console da Rede com o papel de {role}, representando {country}.",
    "notice.invitation.howTo": "Para aceitar, abra o link e entre com este endereço de e-mail ({email}).",
    "notice.invitation.expires":
      "O link funciona uma única vez e expira em {date}. Se não esperava este convite, pode ignorar esta mensagem.",
    "notice.invitation.action": "Aceitar o convite",
    "notice.event.subject": "{event}: faltam {days} dias",
    "notice.event.body": "{event} começa em {date}, dentro de {days} dias.",
    "notice.event.city": "Local: {city}.",
    "notice.event.action": "Ver o evento",
  },
  fr: {
    "links.changed.subject": "Le lien de {initiative} vers le site du Réseau a changé",
    "links.changed.links":
      "La vérification hebdomadaire a constaté que le site de {initiative} renvoie au site du Réseau.",
    "links.changed.missing":
      "La vérification hebdomadaire a constaté que le site de {initiative} ne renvoie plus au site du Réseau.",
    "links.changed.unreachable":
      "La vérification hebdomadaire n'a obtenu aucune réponse exploitable du site de {initiative}.",
    "links.action": "Voir les initiatives",
    "commitment.handover.subject": "Passation du site à {host} : des tâches restent ouvertes",
    "commitment.handover.body":
      "La passation du site du Réseau à {host}, enregistrée le {date}, comporte des tâches ouvertes : {items}. Cochez-les dans la console à mesure qu'elles sont achevées ; cet avis est répété chaque semaine tant qu'il en reste.",
    "handover.item.domain-dns": "domaine et DNS",
    "handover.item.firebase-project-billing": "propriété du projet Firebase et de son compte de facturation",
    "handover.item.smtp-sender-domain": "identifiants SMTP et domaine d'envoi",
    "handover.item.data-export": "export complet des données, remis et vérifié",
    "handover.item.admin-accounts": "comptes d'administration transférés et anciens comptes révoqués",
    "mail.greeting": "Bonjour {name},",
    "mail.greetingAnonymous": "Bonjour,",
    "mail.footer":
      "Vous recevez ce message en tant que représentant au sein du Réseau interaméricain des marchés publics. Envoyé par {site}.",
    "mail.timeZone": "Dates dans votre fuseau horaire ({zone}).",
    "commitment.action": "Voir l'hébergement du site",
    "commitment.reminder.subject": "L'engagement d'hébergement du site prend fin dans {days} jours",
    "commitment.reminder.body":
      "L'engagement de {host} d'héberger et de maintenir le site du Réseau prend fin le {date}, dans {days} jours. Le Comité exécutif doit convenir de son renouvellement ou de sa passation avant cette date.",
    "commitment.lastDay.subject": "L'engagement d'hébergement du site prend fin aujourd'hui",
    "commitment.lastDay.body":
      "L'engagement de {host} d'héberger et de maintenir le site du Réseau prend fin aujourd'hui, {date}. S'il n'est ni renouvelé ni transmis, le site n'a plus d'hôte engagé.",
    "commitment.lapsed.subject": "L'engagement d'hébergement du site a pris fin il y a {days} jours",
    "commitment.lapsed.body":
      "L'engagement de {host} d'héberger et de maintenir le site du Réseau a pris fin le {date}, il y a {days} jours, sans être renouvelé ni transmis. Cet avis est répété chaque semaine jusqu'à l'enregistrement d'un renouvellement ou d'une passation.",
    "notice.submitted.subject": "Document à relire : {title}",
    "notice.submitted.body": "{who} a soumis « {title} » à la relecture dans la console du Réseau.",
    "notice.submitted.rule":
      "Tout membre du Comité exécutif ou du secrétariat qui n'en a pas fait la dernière modification peut le publier.",
    "notice.submitted.action": "Relire dans la console",
    "notice.seatGained.subject": "{country} siège désormais au Comité exécutif",
    "notice.seatGained.hosted":
      "{country} obtient un siège au Comité exécutif du Réseau pour avoir accueilli un événement du Réseau (règle de Santiago).",
    "notice.seatGained.will-host":
      "{country} obtient un siège au Comité exécutif du Réseau en tant qu'hôte d'un prochain événement du Réseau (règle de Santiago).",
    "notice.seatGained.manual": "{country} obtient un siège au Comité exécutif sur décision du secrétariat : {reason}",
    "notice.seatGained.rights":
      "Les représentants de {country} ayant le rôle de comité peuvent désormais relire et publier des contenus dans la console.",
    "notice.seatLost.subject": "{country} ne siège plus au Comité exécutif",
    "notice.seatLost.body":
      "{country} ne siège plus au Comité exécutif du Réseau. Ses représentants ayant le rôle de comité agissent désormais comme membres : ils peuvent rédiger et soumettre à la relecture, mais pas publier.",
    "notice.seat.action": "Voir le Comité exécutif",
    "notice.invitation.subject": "Invitation à la console du Réseau interaméricain des marchés publics",
    "notice.invitation.body": "Vous êtes invité(e) à la console du Réseau avec le rôle de {role}.",
    "notice.invitation.bodyCountry":
      "Vous êtes invité(e) à la console du Réseau avec le rôle de {role}, pour représenter {country}.",
    "notice.invitation.howTo":
      "Pour accepter, ouvrez le lien et connectez-vous avec cette adresse électronique ({email}).",
    "notice.invitation.expires":
      "Le lien ne sert qu'une fois et expire le {date}. Si vous n'attendiez pas cette invitation, vous pouvez ignorer ce message.",
    "notice.invitation.action": "Accepter l'invitation",
    "notice.event.subject": "{event} : J-{days}",
    "notice.event.body": "{event} commence le {date}, dans {days} jours.",
    "notice.event.city": "Lieu : {city}.",
    "notice.event.action": "Voir l'événement",
  },
});
