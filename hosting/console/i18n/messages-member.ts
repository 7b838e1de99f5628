import { defineCatalog } from "../../../functions/src/i18n/catalog.js";

/**
 * What a failure says to the person who met it (hosting/console/lib/failures.ts), and the
 * member's home: each failure a sentence that says what happened and what to do.
 */
export const consoleUiMember = defineCatalog({
  es: {
    "ui.fail.denied":
      "Su función en la Red no le permite ver o hacer esto. Si lo necesita para su trabajo, pida acceso a la secretaría de la Red.",
    "ui.fail.signedOut": "Su sesión terminó. Vuelva a iniciar sesión para continuar.",
    "ui.fail.notFound":
      "No encontramos lo que busca: puede haber sido eliminado o el enlace está incompleto. Vuelva a la lista y elíjalo allí.",
    "ui.fail.offline":
      "Se perdió la conexión con el servidor. Revise su conexión a internet; la consola vuelve a intentarlo al recargar esta página.",
    "ui.fail.busy":
      "El servidor recibe demasiadas solicitudes en este momento. Espere un minuto y vuelva a intentarlo.",
    "ui.fail.conflict": "Alguien cambió esto al mismo tiempo. Recargue la página para ver la última versión.",
    "ui.fail.other":
      "Algo falló y la operación no se completó. Vuelva a intentarlo; si vuelve a ocurrir, avise a la secretaría de la Red.",
    "ui.home.mine": "Mis borradores",
    "ui.home.mineHint": "Borradores de su país que usted puede seguir editando y enviar a revisión.",
    "ui.home.country": "Lo de mi país en revisión",
    "ui.home.countryHint": "Lo que su país envió y espera la revisión del Comité Ejecutivo.",
    "ui.home.what": "Qué",
  },
  en: {
    "ui.fail.denied":
      "Your role in the Network does not let you see or do this. If you need it for your work, ask the Network's secretariat for access.",
    "ui.fail.signedOut": "Your session has ended. Sign in again to continue.",
    "ui.fail.notFound":
      "We could not find what you are looking for: it may have been deleted, or the link is incomplete. Go back to the list and choose it there.",
    "ui.fail.offline":
      "The connection to the server was lost. Check your internet connection; the console tries again when you reload this page.",
    "ui.fail.busy": "The server is receiving too many requests right now. Wait a minute and try again.",
    "ui.fail.conflict": "Someone changed this at the same time. Reload the page to see the latest version.",
    "ui.fail.other":
      "Something went wrong and the operation was not completed. Try again; if it happens again, tell the Network's secretariat.",
    "ui.home.mine": "My drafts",
    "ui.home.mineHint": "Your country's drafts, which you can keep editing and submit for review.",
    "ui.home.country": "My country's items in review",
    "ui.home.countryHint": "What your country submitted and is waiting for the Executive Committee's review.",
    "ui.home.what": "What",
  },
  pt: {
    "ui.fail.denied":
      "Sua função na Rede não permite ver ou fazer isto. Se precisar disso para o seu trabalho, peça acesso à secretaria da Rede.",
    "ui.fail.signedOut": "Sua sessão terminou. Entre novamente para continuar.",
    "ui.fail.notFound":
      "Não encontramos o que procura: pode ter sido excluído ou o link está incompleto. Volte à lista e escolha-o ali.",
    "ui.fail.offline":
      "A conexão com o servidor foi perdida. Verifique sua conexão com a internet; o console tenta de novo ao recarregar esta página.",
    "ui.fail.busy": "O servidor está recebendo pedidos demais neste momento. Aguarde um minuto e tente de novo.",
    "ui.fail.conflict": "Alguém alterou isto ao mesmo tempo. Recarregue a página para ver a versão mais recente.",
    "ui.fail.other":
      "Algo deu errado e a operação não foi concluída. Tente de novo; se acontecer outra vez, avise a secretaria da Rede.",
    "ui.home.mine": "Meus rascunhos",
    "ui.home.mineHint": "Rascunhos do seu país, que você pode continuar editando e enviar para revisão.",
    "ui.home.country": "Itens do meu país em revisão",
    "ui.home.countryHint": "O que o seu país enviou e aguarda a revisão do Comitê Executivo.",
    "ui.home.what": "O quê",
  },
  fr: {
    "ui.fail.denied":
      "Votre rôle dans le Réseau ne vous permet pas de voir ou de faire ceci. Si vous en avez besoin pour votre travail, demandez l’accès au secrétariat du Réseau.",
    "ui.fail.signedOut": "Votre session est terminée. Reconnectez-vous pour continuer.",
    "ui.fail.notFound":
      "Nous n’avons pas trouvé ce que vous cherchez : il a peut-être été supprimé, ou le lien est incomplet. Revenez à la liste et choisissez-le là.",
    "ui.fail.offline":
      "La connexion au serveur a été perdue. Vérifiez votre connexion internet ; la console réessaie lorsque vous rechargez cette page.",
    "ui.fail.busy": "Le serveur reçoit trop de demandes en ce moment. Attendez une minute et réessayez.",
    "ui.fail.conflict": "Quelqu’un a modifié ceci en même temps. Rechargez la page pour voir la dernière version.",
    "ui.fail.other":
      "Un problème est survenu et l’opération n’a pas abouti. Réessayez ; si cela se reproduit, prévenez le secrétariat du Réseau.",
    "ui.home.mine": "Mes brouillons",
    "ui.home.mineHint":
      "Les brouillons de votre pays, que vous pouvez continuer à modifier et soumettre à la révision.",
    "ui.home.country": "Ce que mon pays a en révision",
    "ui.home.countryHint": "Ce que votre pays a soumis et qui attend la révision du Comité exécutif.",
    "ui.home.what": "Quoi",
  },
});
