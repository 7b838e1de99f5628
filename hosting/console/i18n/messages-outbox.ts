import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/**
 * Emails to review: why a message's delivery failed, one sentence per cause
 * (functions/src/notify/failure-cause.ts); the transport's own words stay in the logs.
 */
export const consoleUiOutbox = defineCatalog({
  es: {
    "ui.outbox.cause.connection":
      "La conexión con el servidor de correo falló, se cortó o se agotó el tiempo de espera.",
    "ui.outbox.cause.interrupted": "El envío se detuvo antes de que el servidor de correo lo confirmara.",
    "ui.outbox.cause.authentication":
      "El servidor de correo no aceptó nuestras credenciales: hay que revisar la configuración del correo saliente.",
    "ui.outbox.cause.address": "El servidor de correo rechazó una dirección del mensaje.",
    "ui.outbox.cause.message": "El servidor de correo rechazó el mensaje.",
    "ui.outbox.cause.other":
      "El servidor de correo dio una respuesta inesperada; el detalle técnico queda en los registros.",
  },
  en: {
    "ui.outbox.cause.connection": "The connection to the mail server failed, was cut or timed out.",
    "ui.outbox.cause.interrupted": "The sending stopped before the mail server confirmed it.",
    "ui.outbox.cause.authentication":
      "The mail server did not accept our credentials: the outgoing mail settings need checking.",
    "ui.outbox.cause.address": "The mail server refused an address of the message.",
    "ui.outbox.cause.message": "The mail server refused the message.",
    "ui.outbox.cause.other": "The mail server gave an unexpected answer; the technical detail is in the logs.",
  },
  pt: {
    "ui.outbox.cause.connection": "A conexão com o servidor de e-mail falhou, caiu ou o tempo de espera se esgotou.",
    "ui.outbox.cause.interrupted": "O envio parou antes de o servidor de e-mail confirmá-lo.",
    "ui.outbox.cause.authentication":
      "O servidor de e-mail não aceitou nossas credenciais: é preciso revisar a configuração do e-mail de saída.",
    "ui.outbox.cause.address": "O servidor de e-mail recusou um endereço da mensagem.",
    "ui.outbox.cause.message": "O servidor de e-mail recusou a mensagem.",
    "ui.outbox.cause.other": "O servidor de e-mail deu uma resposta inesperada; o detalhe técnico fica nos registros.",
  },
  fr: {
    "ui.outbox.cause.connection": "La connexion au serveur de messagerie a échoué, a été coupée ou a expiré.",
    "ui.outbox.cause.interrupted": "L'envoi s'est arrêté avant que le serveur de messagerie ne le confirme.",
    "ui.outbox.cause.authentication":
      "Le serveur de messagerie n'a pas accepté nos identifiants : il faut vérifier la configuration du courrier sortant.",
    "ui.outbox.cause.address": "Le serveur de messagerie a refusé une adresse du message.",
    "ui.outbox.cause.message": "Le serveur de messagerie a refusé le message.",
    "ui.outbox.cause.other":
      "Le serveur de messagerie a donné une réponse inattendue ; le détail technique reste dans les journaux.",
  },
});
