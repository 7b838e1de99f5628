import { defineCatalog } from "./catalog.js";

/** Strings of the email the system sends (functions/src/notify/templates.tsx). */
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
  },
});
