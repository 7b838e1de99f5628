import { defineCatalog } from "./catalog.js";

/** Email subscriptions: the public pages (subscribe, confirm, unsubscribe) and their emails. */
export const subscriptions = defineCatalog({
  es: {
    "sub.footer.link": "Novedades por correo",
    "sub.title": "Novedades por correo electrónico",
    "sub.intro":
      "Reciba un correo cada vez que la Red publica un documento. Le enviaremos un enlace para confirmar la suscripción: sin esa confirmación no recibirá nada.",
    "sub.form.address": "Dirección de correo electrónico",
    "sub.form.lang": "Idioma de los correos",
    "sub.form.submit": "Suscribirme",
    "sub.privacy":
      "Guardamos su dirección solo para enviarle estas novedades. Cada correo trae un enlace para darse de baja con un clic.",
    "sub.error.summary": "Revise el formulario",
    "sub.error.address": "Escriba una dirección de correo electrónico como nombre@ejemplo.org, en una sola línea.",
    "sub.error.addressTooLong": "La dirección es demasiado larga: {max} caracteres como máximo.",
    "sub.error.lang": "Elija uno de los idiomas de la lista.",
    "sub.error.tooLarge": "El formulario enviado es demasiado grande. Escriba de nuevo su dirección.",
    "sub.error.origin":
      "Este formulario solo puede enviarse desde la página de suscripción del sitio. Ábrala de nuevo y vuelva a enviarlo.",
    "sub.sent.title": "Revise su correo",
    "sub.sent.body":
      "Si la dirección puede recibir correo, le llegará en unos minutos un mensaje con un enlace para confirmar la suscripción. El enlace vale 48 horas y sirve una sola vez. Si no lo ve, revise la carpeta de correo no deseado.",
    "sub.limited.title": "Demasiadas solicitudes",
    "sub.limited.client":
      "Se enviaron demasiadas solicitudes desde su conexión. Inténtelo de nuevo dentro de {minutes} minutos.",
    "sub.limited.global":
      "La Red recibió demasiadas solicitudes de suscripción en la última hora. Inténtelo de nuevo dentro de {minutes} minutos.",
    "sub.limited.address":
      "Ya se enviaron hoy varios correos de confirmación a esta dirección. Use el enlace del último o inténtelo de nuevo dentro de {hours} horas.",
    "sub.confirm.title": "Confirmar la suscripción",
    "sub.confirm.body": "Pulse el botón para empezar a recibir las novedades de la Red en la dirección indicada.",
    "sub.confirm.button": "Confirmar la suscripción",
    "sub.confirmed.title": "Suscripción confirmada",
    "sub.confirmed.body":
      "Desde ahora recibirá un correo cuando la Red publique un documento. Cada correo trae un enlace para darse de baja.",
    "sub.invalid.title": "Enlace no válido",
    "sub.invalid.confirm":
      "Este enlace de confirmación venció, ya se usó o no está completo. Suscríbase de nuevo para recibir otro.",
    "sub.invalid.unsubscribe":
      "Este enlace para darse de baja no está completo. Abra el enlace completo del último correo recibido.",
    "sub.unsubscribe.title": "Darse de baja",
    "sub.unsubscribe.body": "Pulse el botón para dejar de recibir las novedades de la Red en esta dirección.",
    "sub.unsubscribe.button": "Darme de baja",
    "sub.unsubscribed.title": "Baja confirmada",
    "sub.unsubscribed.body":
      "No recibirá más correos de novedades de la Red. Puede volver a suscribirse cuando quiera.",
    "sub.again": "Volver a la página de suscripción",
    "sub.mail.confirm.subject": "Confirme su suscripción a las novedades de la Red",
    "sub.mail.confirm.body":
      "Alguien, probablemente usted, pidió recibir en esta dirección las novedades de la Red Interamericana de Compras Gubernamentales. Para confirmarlo, abra el enlace y pulse el botón. El enlace vale 48 horas.",
    "sub.mail.confirm.ignore": "Si no fue usted, ignore este mensaje: sin confirmación no le enviaremos nada.",
    "sub.mail.confirm.action": "Confirmar la suscripción",
    "sub.mail.published.subject": "Nuevo documento de la Red: {title}",
    "sub.mail.published.body": "La Red Interamericana de Compras Gubernamentales publicó «{title}».",
    "sub.mail.published.action": "Leer el documento",
    "sub.mail.updated.subject": "Documento actualizado de la Red: {title}",
    "sub.mail.updated.body": "La Red Interamericana de Compras Gubernamentales actualizó «{title}»: {reason}",
    "sub.mail.footer": "Recibe este correo porque se suscribió a las novedades de la Red en {site}.",
    "sub.mail.unsubscribe": "Darse de baja",
  },
  en: {
    "sub.footer.link": "News by email",
    "sub.title": "News by email",
    "sub.intro":
      "Get an email whenever the Network publishes a document. We will send you a link to confirm the subscription: without that confirmation you will receive nothing.",
    "sub.form.address": "Email address",
    "sub.form.lang": "Language of the emails",
    "sub.form.submit": "Subscribe",
    "sub.privacy":
      "We keep your address only to send you this news. Every email carries a link to unsubscribe in one click.",
    "sub.error.summary": "Please check the form",
    "sub.error.address": "Enter an email address such as name@example.org, on one line.",
    "sub.error.addressTooLong": "The address is too long: {max} characters at most.",
    "sub.error.lang": "Choose one of the languages in the list.",
    "sub.error.tooLarge": "The form sent was too large. Please type your address again.",
    "sub.error.origin":
      "This form can only be sent from the site's subscription page. Please open it again and send the form from there.",
    "sub.sent.title": "Check your inbox",
    "sub.sent.body":
      "If the address can receive email, a message with a link to confirm the subscription will arrive within a few minutes. The link is valid for 48 hours and works once. If you do not see it, look in your spam folder.",
    "sub.limited.title": "Too many requests",
    "sub.limited.client": "Too many requests came from your connection. Please try again in {minutes} minutes.",
    "sub.limited.global":
      "The network has received too many subscription requests in the last hour. Please try again in {minutes} minutes.",
    "sub.limited.address":
      "Several confirmation emails have already been sent to this address today. Use the link in the latest one, or try again in {hours} hours.",
    "sub.confirm.title": "Confirm the subscription",
    "sub.confirm.body": "Press the button to start receiving the Network's news at the address given.",
    "sub.confirm.button": "Confirm the subscription",
    "sub.confirmed.title": "Subscription confirmed",
    "sub.confirmed.body":
      "From now on you will get an email when the Network publishes a document. Every email carries a link to unsubscribe.",
    "sub.invalid.title": "Link not valid",
    "sub.invalid.confirm":
      "This confirmation link has expired, has been used already or is incomplete. Subscribe again to get a new one.",
    "sub.invalid.unsubscribe":
      "This unsubscribe link is incomplete. Open the whole link from the latest email you received.",
    "sub.unsubscribe.title": "Unsubscribe",
    "sub.unsubscribe.body": "Press the button to stop receiving the Network's news at this address.",
    "sub.unsubscribe.button": "Unsubscribe me",
    "sub.unsubscribed.title": "You are unsubscribed",
    "sub.unsubscribed.body": "You will get no more news emails from the Network. You can subscribe again at any time.",
    "sub.again": "Back to the subscription page",
    "sub.mail.confirm.subject": "Confirm your subscription to the Network's news",
    "sub.mail.confirm.body":
      "Someone, probably you, asked to receive the news of the Inter-American Government Procurement Network at this address. To confirm, open the link and press the button. The link is valid for 48 hours.",
    "sub.mail.confirm.ignore": "If it was not you, ignore this message: without a confirmation we send you nothing.",
    "sub.mail.confirm.action": "Confirm the subscription",
    "sub.mail.published.subject": "New document from the Network: {title}",
    "sub.mail.published.body": "The Inter-American Government Procurement Network published “{title}”.",
    "sub.mail.published.action": "Read the document",
    "sub.mail.updated.subject": "Document updated by the Network: {title}",
    "sub.mail.updated.body": "The Inter-American Government Procurement Network updated “{title}”: {reason}",
    "sub.mail.footer": "You receive this email because you subscribed to the Network's news at {site}.",
    "sub.mail.unsubscribe": "Unsubscribe",
  },
  pt: {
    "sub.footer.link": "Novidades por e-mail",
    "sub.title": "Novidades por e-mail",
    "sub.intro":
      "Receba um e-mail sempre que a Rede publicar um documento. Enviaremos um link para confirmar a inscrição: sem essa confirmação você não receberá nada.",
    "sub.form.address": "Endereço de e-mail",
    "sub.form.lang": "Idioma dos e-mails",
    "sub.form.submit": "Inscrever-me",
    "sub.privacy":
      "Guardamos seu endereço apenas para enviar estas novidades. Cada e-mail traz um link para cancelar a inscrição com um clique.",
    "sub.error.summary": "Revise o formulário",
    "sub.error.address": "Escreva um endereço de e-mail como nome@exemplo.org, em uma só linha.",
    "sub.error.addressTooLong": "O endereço é longo demais: no máximo {max} caracteres.",
    "sub.error.lang": "Escolha um dos idiomas da lista.",
    "sub.error.tooLarge": "O formulário enviado é grande demais. Escreva seu endereço novamente.",
    "sub.error.origin":
      "Este formulário só pode ser enviado a partir da página de inscrição do site. Abra-a novamente e envie-o de lá.",
    "sub.sent.title": "Verifique seu e-mail",
    "sub.sent.body":
      "Se o endereço puder receber e-mail, chegará em alguns minutos uma mensagem com um link para confirmar a inscrição. O link vale por 48 horas e funciona uma só vez. Se não o encontrar, verifique a pasta de spam.",
    "sub.limited.title": "Solicitações demais",
    "sub.limited.client":
      "Foram enviadas solicitações demais a partir da sua conexão. Tente novamente dentro de {minutes} minutos.",
    "sub.limited.global":
      "A Rede recebeu solicitações de inscrição demais na última hora. Tente novamente dentro de {minutes} minutos.",
    "sub.limited.address":
      "Já foram enviados hoje vários e-mails de confirmação para este endereço. Use o link do último ou tente novamente dentro de {hours} horas.",
    "sub.confirm.title": "Confirmar a inscrição",
    "sub.confirm.body": "Pressione o botão para começar a receber as novidades da Rede no endereço indicado.",
    "sub.confirm.button": "Confirmar a inscrição",
    "sub.confirmed.title": "Inscrição confirmada",
    "sub.confirmed.body":
      "A partir de agora você receberá um e-mail quando a Rede publicar um documento. Cada e-mail traz um link para cancelar a inscrição.",
    "sub.invalid.title": "Link inválido",
    "sub.invalid.confirm":
      "Este link de confirmação expirou, já foi usado ou está incompleto. Inscreva-se novamente para receber outro.",
    "sub.invalid.unsubscribe":
      "Este link para cancelar a inscrição está incompleto. Abra o link completo do último e-mail recebido.",
    "sub.unsubscribe.title": "Cancelar a inscrição",
    "sub.unsubscribe.body": "Pressione o botão para deixar de receber as novidades da Rede neste endereço.",
    "sub.unsubscribe.button": "Cancelar minha inscrição",
    "sub.unsubscribed.title": "Inscrição cancelada",
    "sub.unsubscribed.body":
      "Você não receberá mais e-mails de novidades da Rede. Pode se inscrever novamente quando quiser.",
    "sub.again": "Voltar à página de inscrição",
    "sub.mail.confirm.subject": "Confirme sua inscrição nas novidades da Rede",
    "sub.mail.confirm.body":
      "Alguém, provavelmente você, pediu para receber neste endereço as novidades da Rede Interamericana de Compras Governamentais. Para confirmar, abra o link e pressione o botão. O link vale por 48 horas.",
    "sub.mail.confirm.ignore": "Se não foi você, ignore esta mensagem: sem confirmação não enviaremos nada.",
    "sub.mail.confirm.action": "Confirmar a inscrição",
    "sub.mail.published.subject": "Novo documento da Rede: {title}",
    "sub.mail.published.body": "A Rede Interamericana de Compras Governamentais publicou “{title}”.",
    "sub.mail.published.action": "Ler o documento",
    "sub.mail.updated.subject": "Documento atualizado da Rede: {title}",
    "sub.mail.updated.body": "A Rede Interamericana de Compras Governamentais atualizou “{title}”: {reason}",
    "sub.mail.footer": "Você recebe este e-mail porque se inscreveu nas novidades da Rede em {site}.",
    "sub.mail.unsubscribe": "Cancelar a inscrição",
  },
  fr: {
    "sub.footer.link": "Actualités par courriel",
    "sub.title": "Actualités par courriel",
    "sub.intro":
      "Recevez un courriel chaque fois que le Réseau publie un document. Nous vous enverrons un lien pour confirmer l’abonnement : sans cette confirmation, vous ne recevrez rien.",
    "sub.form.address": "Adresse électronique",
    "sub.form.lang": "Langue des courriels",
    "sub.form.submit": "M’abonner",
    "sub.privacy":
      "Nous gardons votre adresse uniquement pour vous envoyer ces actualités. Chaque courriel contient un lien pour se désabonner en un clic.",
    "sub.error.summary": "Vérifiez le formulaire",
    "sub.error.address": "Saisissez une adresse électronique comme nom@exemple.org, sur une seule ligne.",
    "sub.error.addressTooLong": "L’adresse est trop longue : {max} caractères au plus.",
    "sub.error.lang": "Choisissez l’une des langues de la liste.",
    "sub.error.tooLarge": "Le formulaire envoyé est trop volumineux. Saisissez de nouveau votre adresse.",
    "sub.error.origin":
      "Ce formulaire ne peut être envoyé que depuis la page d’abonnement du site. Ouvrez-la de nouveau et envoyez-le depuis celle-ci.",
    "sub.sent.title": "Consultez votre messagerie",
    "sub.sent.body":
      "Si l’adresse peut recevoir du courrier, un message avec un lien pour confirmer l’abonnement arrivera d’ici quelques minutes. Le lien est valable 48 heures et ne sert qu’une fois. Si vous ne le voyez pas, regardez dans les indésirables.",
    "sub.limited.title": "Trop de demandes",
    "sub.limited.client": "Trop de demandes sont venues de votre connexion. Réessayez dans {minutes} minutes.",
    "sub.limited.global":
      "Le Réseau a reçu trop de demandes d'abonnement au cours de la dernière heure. Veuillez réessayer dans {minutes} minutes.",
    "sub.limited.address":
      "Plusieurs courriels de confirmation ont déjà été envoyés à cette adresse aujourd’hui. Utilisez le lien du dernier ou réessayez dans {hours} heures.",
    "sub.confirm.title": "Confirmer l’abonnement",
    "sub.confirm.body":
      "Appuyez sur le bouton pour commencer à recevoir les actualités du Réseau à l’adresse indiquée.",
    "sub.confirm.button": "Confirmer l’abonnement",
    "sub.confirmed.title": "Abonnement confirmé",
    "sub.confirmed.body":
      "Vous recevrez désormais un courriel lorsque le Réseau publie un document. Chaque courriel contient un lien pour se désabonner.",
    "sub.invalid.title": "Lien non valide",
    "sub.invalid.confirm":
      "Ce lien de confirmation a expiré, a déjà servi ou est incomplet. Abonnez-vous de nouveau pour en recevoir un autre.",
    "sub.invalid.unsubscribe":
      "Ce lien de désabonnement est incomplet. Ouvrez le lien complet du dernier courriel reçu.",
    "sub.unsubscribe.title": "Se désabonner",
    "sub.unsubscribe.body": "Appuyez sur le bouton pour ne plus recevoir les actualités du Réseau à cette adresse.",
    "sub.unsubscribe.button": "Me désabonner",
    "sub.unsubscribed.title": "Désabonnement confirmé",
    "sub.unsubscribed.body":
      "Vous ne recevrez plus de courriels d’actualités du Réseau. Vous pouvez vous abonner de nouveau à tout moment.",
    "sub.again": "Retour à la page d’abonnement",
    "sub.mail.confirm.subject": "Confirmez votre abonnement aux actualités du Réseau",
    "sub.mail.confirm.body":
      "Quelqu’un, probablement vous, a demandé à recevoir à cette adresse les actualités du Réseau interaméricain des marchés publics. Pour confirmer, ouvrez le lien et appuyez sur le bouton. Le lien est valable 48 heures.",
    "sub.mail.confirm.ignore":
      "Si ce n’était pas vous, ignorez ce message : sans confirmation, nous ne vous enverrons rien.",
    "sub.mail.confirm.action": "Confirmer l’abonnement",
    "sub.mail.published.subject": "Nouveau document du Réseau : {title}",
    "sub.mail.published.body": "Le Réseau interaméricain des marchés publics a publié « {title} ».",
    "sub.mail.published.action": "Lire le document",
    "sub.mail.updated.subject": "Document mis à jour par le Réseau : {title}",
    "sub.mail.updated.body": "Le Réseau interaméricain des marchés publics a mis à jour « {title} » : {reason}",
    "sub.mail.footer": "Vous recevez ce courriel parce que vous vous êtes abonné aux actualités du Réseau sur {site}.",
    "sub.mail.unsubscribe": "Se désabonner",
  },
});
