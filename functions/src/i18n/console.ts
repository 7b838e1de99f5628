import { defineCatalog } from "./catalog.js";

/** Messages of the committee console's callables: what went wrong and what to do. */
export const consoleMessages = defineCatalog({
  es: {
    "console.error.unauthenticated": "Inicie sesión en la consola para hacer esto.",
    "console.error.noPerson":
      "Su cuenta no está vinculada a ninguna persona de la Red. Pida una invitación a la secretaría.",
    "console.error.role": "Esta acción requiere el rol {roles}; su rol es {role}.",
    "console.error.country": "Solo puede cambiar documentos de su propio país ({country}).",
    "console.error.ownEdit":
      "La última edición de este documento es suya: otra persona del Comité debe publicarlo. La secretaría puede hacerlo indicando un motivo.",
    "console.error.ownSubmission":
      "Usted envió este documento a revisión: otra persona del Comité debe publicarlo. La secretaría puede hacerlo indicando un motivo.",
    "console.error.invalid": "Revise estos campos: {fields}.",
    "console.error.notFound": "No existe {what} «{id}».",
    "console.error.exists": "«{id}» ya existe ({what}). Elija otro identificador o edite el existente.",
    "console.error.versionNotFound": "«{id}» ({what}) no tiene la versión {version}.",
    "console.error.stale":
      "{who} guardó la versión {current} el {when}; usted editaba la versión {base}. Recargue para ver ambas y combinarlas.",
    "console.error.state": "No se puede {action} un documento en estado «{status}».",
    "console.error.reasonRequired": "Indique el motivo: la secretaría publica su propia edición solo con un motivo.",
    "console.role.secretariat": "secretaría",
    "console.role.committee": "comité",
    "console.role.member": "miembro",
    "console.action.saveDraft": "guardar",
    "console.action.submit": "enviar a revisión",
    "console.action.publish": "publicar",
    "console.action.unpublish": "retirar",
    "console.action.archive": "archivar",
    "console.action.restoreVersion": "restaurar una versión de",
    "console.action.softDelete": "eliminar",
    "console.action.undelete": "recuperar",
    "console.error.scheduleInPast": "La fecha de publicación programada debe ser futura.",
    "console.kind.document": "el documento",
    "console.kind.event": "el evento",
    "console.kind.initiative": "la iniciativa",
    "console.kind.institution": "la institución",
    "console.kind.topic": "el área prioritaria",
    "console.error.noSchedule": "«{id}» no tiene una publicación programada.",
    "console.error.scheduleChanged": "El registro cambió después de programar su publicación; no se publicó.",
    "console.someone": "Alguien",
    "console.error.inviteScope":
      "El Comité invita solo a representantes de su propio país ({country}) y solo como miembro: los roles de comité y secretaría los otorga la secretaría.",
    "console.error.countryNotFound": "No existe el país «{country}».",
    "console.error.accountNotFound": "No existe la cuenta «{uid}».",
    "console.error.ownAccount": "No puede cambiar su propio rol: pídalo a otra persona de la secretaría.",
    "console.error.invitationNotFound": "Esta invitación no existe. Revise el enlace o pida una nueva.",
    "console.error.invitationUsed": "Esta invitación ya fue aceptada. Pida una nueva si la necesita.",
    "console.error.invitationExpired": "Esta invitación venció el {date}. Pida una nueva.",
    "console.error.invitationEmail": "Esta invitación es para {email}. Inicie sesión con ese correo para aceptarla.",
    "console.error.alreadyLinked": "Su cuenta ya está vinculada a una persona de la Red.",
    "console.error.emailUnverified":
      "Antes de aceptar, confirme que {email} es suyo: abra el enlace de verificación que la consola le envía a ese correo (o inicie sesión con un enlace por correo) y vuelva a aceptar la invitación.",
    "console.error.personHasAccount":
      "Esa persona ya tiene una cuenta en la consola. Cada persona tiene una sola cuenta: solo la secretaría vincula otra, indicando el motivo.",
    "console.error.personOtherCountry":
      "Esa persona representa a otro país: el Comité invita solo a personas nuevas o de su propio país ({country}) sin cuenta.",
    "console.error.commitmentNotFound": "No existe el compromiso de alojamiento «{id}».",
    "console.error.commitmentNotOffered":
      "El compromiso está en estado «{status}»; solo se puede activar un compromiso ofrecido.",
    "console.error.commitmentNotRenewable":
      "El compromiso está en estado «{status}»; solo se renueva un período en curso o vencido.",
    "console.error.commitmentNotTransferable":
      "El compromiso está en estado «{status}»; solo se traspasa un período en curso o vencido.",
    "console.error.termExists": "El período «{id}» ya existe.",
    "console.error.noChecklist": "Este período no proviene de un traspaso: no tiene lista de verificación.",
    "console.error.outboxNotFound": "No existe el mensaje {id} en la bandeja de salida.",
    "console.error.outboxNotFlagged":
      "El mensaje está en estado «{state}»; solo se decide sobre un mensaje marcado para revisión.",
  },
  en: {
    "console.error.unauthenticated": "Sign in to the console to do this.",
    "console.error.noPerson":
      "Your account is not linked to any person of the network. Ask the secretariat for an invitation.",
    "console.error.role": "This action needs the role {roles}; your role is {role}.",
    "console.error.country": "You can only change documents of your own country ({country}).",
    "console.error.ownEdit":
      "The last edit of this document is yours: another committee member must publish it. The secretariat may, giving a reason.",
    "console.error.ownSubmission":
      "You sent this document for review: another committee member must publish it. The secretariat may, giving a reason.",
    "console.error.invalid": "Check these fields: {fields}.",
    "console.error.notFound": "There is no {what} “{id}”.",
    "console.error.exists": "“{id}” already exists ({what}). Choose another id or edit the existing one.",
    "console.error.versionNotFound": "“{id}” ({what}) has no version {version}.",
    "console.error.stale":
      "{who} saved version {current} on {when}; you were editing version {base}. Reload to see both and merge them.",
    "console.error.state": "You cannot {action} a document that is “{status}”.",
    "console.error.reasonRequired": "Give a reason: the secretariat publishes its own edit only with a reason.",
    "console.role.secretariat": "secretariat",
    "console.role.committee": "committee",
    "console.role.member": "member",
    "console.action.saveDraft": "save",
    "console.action.submit": "submit for review",
    "console.action.publish": "publish",
    "console.action.unpublish": "unpublish",
    "console.action.archive": "archive",
    "console.action.restoreVersion": "restore a version of",
    "console.action.softDelete": "delete",
    "console.action.undelete": "undelete",
    "console.error.scheduleInPast": "The scheduled publication time must be in the future.",
    "console.kind.document": "document",
    "console.kind.event": "event",
    "console.kind.initiative": "initiative",
    "console.kind.institution": "institution",
    "console.kind.topic": "priority area",
    "console.error.noSchedule": "“{id}” has no scheduled publication.",
    "console.error.scheduleChanged": "The record changed after its publication was scheduled; it was not published.",
    "console.someone": "Someone",
    "console.error.inviteScope":
      "The committee invites only representatives of its own country ({country}), and only as member: the committee and secretariat roles are the secretariat's to give.",
    "console.error.countryNotFound": "There is no country “{country}”.",
    "console.error.accountNotFound": "There is no account “{uid}”.",
    "console.error.ownAccount": "You cannot change your own role: ask another person of the secretariat.",
    "console.error.invitationNotFound": "This invitation does not exist. Check the link or ask for a new one.",
    "console.error.invitationUsed": "This invitation was already accepted. Ask for a new one if you need it.",
    "console.error.invitationExpired": "This invitation expired on {date}. Ask for a new one.",
    "console.error.invitationEmail": "This invitation is for {email}. Sign in with that email to accept it.",
    "console.error.alreadyLinked": "Your account is already linked to a person of the network.",
    "console.error.emailUnverified":
      "Before accepting, confirm that {email} is yours: open the verification link the console sends to that address (or sign in with a link by email), then accept the invitation again.",
    "console.error.personHasAccount":
      "That person already has a console account. Each person has one account: only the secretariat links another one, giving a reason.",
    "console.error.personOtherCountry":
      "That person represents another country: the committee invites only new persons, or persons of its own country ({country}) without an account.",
    "console.error.commitmentNotFound": "There is no hosting commitment “{id}”.",
    "console.error.commitmentNotOffered": "The commitment is {status}; only an offered commitment can be activated.",
    "console.error.commitmentNotRenewable": "The commitment is {status}; only a running or lapsed term can be renewed.",
    "console.error.commitmentNotTransferable":
      "The commitment is {status}; only a running or lapsed term can be handed over.",
    "console.error.termExists": "The term “{id}” already exists.",
    "console.error.noChecklist": "This term was not handed over: it has no checklist.",
    "console.error.outboxNotFound": "There is no outbox message {id}.",
    "console.error.outboxNotFlagged": "The message is {state}; only a message flagged for review can be decided.",
  },
  pt: {
    "console.error.unauthenticated": "Entre no console para fazer isto.",
    "console.error.noPerson": "Sua conta não está vinculada a nenhuma pessoa da Rede. Peça um convite à secretaria.",
    "console.error.role": "Esta ação requer o papel {roles}; seu papel é {role}.",
    "console.error.country": "Você só pode alterar documentos do seu próprio país ({country}).",
    "console.error.ownEdit":
      "A última edição deste documento é sua: outra pessoa do Comitê deve publicá-lo. A secretaria pode fazê-lo informando um motivo.",
    "console.error.ownSubmission":
      "Você enviou este documento para revisão: outra pessoa do Comitê deve publicá-lo. A secretaria pode fazê-lo informando um motivo.",
    "console.error.invalid": "Verifique estes campos: {fields}.",
    "console.error.notFound": "Não existe {what} “{id}”.",
    "console.error.exists": "“{id}” já existe ({what}). Escolha outro identificador ou edite o existente.",
    "console.error.versionNotFound": "“{id}” ({what}) não tem a versão {version}.",
    "console.error.stale":
      "{who} salvou a versão {current} em {when}; você editava a versão {base}. Recarregue para ver ambas e combiná-las.",
    "console.error.state": "Não é possível {action} um documento no estado “{status}”.",
    "console.error.reasonRequired": "Informe o motivo: a secretaria publica sua própria edição só com um motivo.",
    "console.role.secretariat": "secretaria",
    "console.role.committee": "comitê",
    "console.role.member": "membro",
    "console.action.saveDraft": "salvar",
    "console.action.submit": "enviar para revisão",
    "console.action.publish": "publicar",
    "console.action.unpublish": "despublicar",
    "console.action.archive": "arquivar",
    "console.action.restoreVersion": "restaurar uma versão de",
    "console.action.softDelete": "excluir",
    "console.action.undelete": "recuperar",
    "console.error.scheduleInPast": "A data de publicação agendada deve ser futura.",
    "console.kind.document": "o documento",
    "console.kind.event": "o evento",
    "console.kind.initiative": "a iniciativa",
    "console.kind.institution": "a instituição",
    "console.kind.topic": "a área prioritária",
    "console.error.noSchedule": "“{id}” não tem publicação agendada.",
    "console.error.scheduleChanged": "O registro mudou depois de agendada a publicação; não foi publicado.",
    "console.someone": "Alguém",
    "console.error.inviteScope":
      "O Comitê convida apenas representantes do seu próprio país ({country}), e apenas como membro: os papéis de comitê e secretaria são concedidos pela secretaria.",
    "console.error.countryNotFound": "Não existe o país “{country}”.",
    "console.error.accountNotFound": "Não existe a conta “{uid}”.",
    "console.error.ownAccount": "Você não pode mudar seu próprio papel: peça a outra pessoa da secretaria.",
    "console.error.invitationNotFound": "Este convite não existe. Verifique o link ou peça um novo.",
    "console.error.invitationUsed": "Este convite já foi aceito. Peça um novo se precisar.",
    "console.error.invitationExpired": "Este convite venceu em {date}. Peça um novo.",
    "console.error.invitationEmail": "Este convite é para {email}. Entre com esse e-mail para aceitá-lo.",
    "console.error.alreadyLinked": "Sua conta já está vinculada a uma pessoa da Rede.",
    "console.error.emailUnverified":
      "Antes de aceitar, confirme que {email} é seu: abra o link de verificação que o console envia para esse endereço (ou entre com um link por e-mail) e aceite o convite novamente.",
    "console.error.personHasAccount":
      "Essa pessoa já tem uma conta no console. Cada pessoa tem uma só conta: apenas a secretaria vincula outra, informando o motivo.",
    "console.error.personOtherCountry":
      "Essa pessoa representa outro país: o Comitê convida apenas pessoas novas, ou do seu próprio país ({country}) sem conta.",
    "console.error.commitmentNotFound": "Não existe o compromisso de hospedagem “{id}”.",
    "console.error.commitmentNotOffered":
      "O compromisso está no estado “{status}”; só um compromisso oferecido pode ser ativado.",
    "console.error.commitmentNotRenewable":
      "O compromisso está no estado “{status}”; só um período em curso ou vencido pode ser renovado.",
    "console.error.commitmentNotTransferable":
      "O compromisso está no estado “{status}”; só um período em curso ou vencido pode ser transferido.",
    "console.error.termExists": "O período “{id}” já existe.",
    "console.error.noChecklist": "Este período não veio de uma transferência: não tem lista de verificação.",
    "console.error.outboxNotFound": "Não existe a mensagem {id} na caixa de saída.",
    "console.error.outboxNotFlagged":
      "A mensagem está no estado “{state}”; só se decide sobre uma mensagem marcada para revisão.",
  },
  fr: {
    "console.error.unauthenticated": "Connectez-vous à la console pour faire ceci.",
    "console.error.noPerson":
      "Votre compte n’est lié à aucune personne du Réseau. Demandez une invitation au secrétariat.",
    "console.error.role": "Cette action requiert le rôle {roles} ; votre rôle est {role}.",
    "console.error.country": "Vous ne pouvez modifier que les documents de votre pays ({country}).",
    "console.error.ownEdit":
      "La dernière modification de ce document est la vôtre : une autre personne du Comité doit le publier. Le secrétariat le peut, en donnant un motif.",
    "console.error.ownSubmission":
      "Vous avez envoyé ce document en révision : une autre personne du Comité doit le publier. Le secrétariat le peut, en donnant un motif.",
    "console.error.invalid": "Vérifiez ces champs : {fields}.",
    "console.error.notFound": "« {id} » n’existe pas ({what}).",
    "console.error.exists": "« {id} » existe déjà ({what}). Choisissez un autre identifiant ou modifiez l’existant.",
    "console.error.versionNotFound": "« {id} » ({what}) n’a pas de version {version}.",
    "console.error.stale":
      "{who} a enregistré la version {current} le {when} ; vous modifiiez la version {base}. Rechargez pour voir les deux et les fusionner.",
    "console.error.state": "Impossible de {action} un document à l’état « {status} ».",
    "console.error.reasonRequired":
      "Indiquez un motif : le secrétariat ne publie sa propre modification qu’avec un motif.",
    "console.role.secretariat": "secrétariat",
    "console.role.committee": "comité",
    "console.role.member": "membre",
    "console.action.saveDraft": "enregistrer",
    "console.action.submit": "soumettre à relecture",
    "console.action.publish": "publier",
    "console.action.unpublish": "dépublier",
    "console.action.archive": "archiver",
    "console.action.restoreVersion": "restaurer une version d’",
    "console.action.softDelete": "supprimer",
    "console.action.undelete": "récupérer",
    "console.error.scheduleInPast": "La date de publication programmée doit être future.",
    "console.kind.document": "document",
    "console.kind.event": "événement",
    "console.kind.initiative": "initiative",
    "console.kind.institution": "institution",
    "console.kind.topic": "domaine prioritaire",
    "console.error.noSchedule": "« {id} » n’a pas de publication programmée.",
    "console.error.scheduleChanged":
      "L’enregistrement a changé après la programmation de sa publication ; il n’a pas été publié.",
    "console.someone": "Quelqu’un",
    "console.error.inviteScope":
      "Le Comité n’invite que des représentants de son propre pays ({country}), et seulement comme membre : les rôles de comité et de secrétariat sont donnés par le secrétariat.",
    "console.error.countryNotFound": "Le pays « {country} » n’existe pas.",
    "console.error.accountNotFound": "Le compte « {uid} » n’existe pas.",
    "console.error.ownAccount":
      "Vous ne pouvez pas changer votre propre rôle : demandez-le à une autre personne du secrétariat.",
    "console.error.invitationNotFound": "Cette invitation n’existe pas. Vérifiez le lien ou demandez-en une nouvelle.",
    "console.error.invitationUsed": "Cette invitation a déjà été acceptée. Demandez-en une nouvelle si nécessaire.",
    "console.error.invitationExpired": "Cette invitation a expiré le {date}. Demandez-en une nouvelle.",
    "console.error.invitationEmail":
      "Cette invitation est pour {email}. Connectez-vous avec cette adresse pour l’accepter.",
    "console.error.alreadyLinked": "Votre compte est déjà lié à une personne du Réseau.",
    "console.error.emailUnverified":
      "Avant d’accepter, confirmez que {email} est à vous : ouvrez le lien de vérification que la console envoie à cette adresse (ou connectez-vous avec un lien par e-mail), puis acceptez de nouveau l’invitation.",
    "console.error.personHasAccount":
      "Cette personne a déjà un compte de la console. Chaque personne a un seul compte : seul le secrétariat en lie un autre, en donnant un motif.",
    "console.error.personOtherCountry":
      "Cette personne représente un autre pays : le Comité n’invite que des personnes nouvelles, ou de son propre pays ({country}) sans compte.",
    "console.error.commitmentNotFound": "L’engagement d’hébergement « {id} » n’existe pas.",
    "console.error.commitmentNotOffered":
      "L’engagement est à l’état « {status} » ; seul un engagement proposé peut être activé.",
    "console.error.commitmentNotRenewable":
      "L’engagement est à l’état « {status} » ; seule une période en cours ou échue peut être renouvelée.",
    "console.error.commitmentNotTransferable":
      "L’engagement est à l’état « {status} » ; seule une période en cours ou échue peut être transmise.",
    "console.error.termExists": "La période « {id} » existe déjà.",
    "console.error.noChecklist": "Cette période ne vient pas d’une passation : elle n’a pas de liste de contrôle.",
    "console.error.outboxNotFound": "Le message {id} n’existe pas dans la boîte d’envoi.",
    "console.error.outboxNotFlagged":
      "Le message est à l’état « {state} » ; on ne décide que d’un message signalé pour vérification.",
  },
});
