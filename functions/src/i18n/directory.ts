import { defineCatalog } from "./catalog.js";

/** The members' directory: its callables' refusals and the yearly email asking to confirm an entry. */
export const directory = defineCatalog({
  es: {
    "console.directory.noEntry":
      "Su cuenta no tiene una ficha en el directorio de la Red. Pida a la secretaría que la cree.",
    "console.directory.noContact":
      "Su ficha no tiene datos de contacto donde guardar un teléfono o qué comparte. Pida a la secretaría que registre su correo.",
    "notice.directory.subject": "Confirme o actualice su ficha en el directorio de la Red",
    "notice.directory.body":
      "Una vez al año, cada representante confirma que su ficha en el directorio de miembros de la Red (nombre, cargo, idiomas y los datos de contacto que comparte) sigue siendo correcta.",
    "notice.directory.confirmed": "La confirmó por última vez el {date}.",
    "notice.directory.never": "Aún no la ha confirmado.",
    "notice.directory.how":
      "Abra su ficha en la consola: si todo está bien, pulse «Confirmar»; si algo cambió, corríjalo y guarde.",
    "notice.directory.action": "Abrir mi ficha",
  },
  en: {
    "console.directory.noEntry":
      "Your account has no entry in the Network's directory. Ask the secretariat to create it.",
    "console.directory.noContact":
      "Your entry has no contact record to keep a phone number or what you share. Ask the secretariat to record your email.",
    "notice.directory.subject": "Confirm or update your entry in the Network's directory",
    "notice.directory.body":
      "Once a year, every representative confirms that their entry in the Network's members' directory (name, title, languages and the contact details they share) is still right.",
    "notice.directory.confirmed": "You last confirmed it on {date}.",
    "notice.directory.never": "You have not confirmed it yet.",
    "notice.directory.how":
      "Open your entry in the console: if everything is right, press “Confirm”; if something changed, correct it and save.",
    "notice.directory.action": "Open my entry",
  },
  pt: {
    "console.directory.noEntry": "Sua conta não tem uma ficha no diretório da Rede. Peça à secretaria que a crie.",
    "console.directory.noContact":
      "Sua ficha não tem dados de contato onde guardar um telefone ou o que você compartilha. Peça à secretaria que registre seu e-mail.",
    "notice.directory.subject": "Confirme ou atualize sua ficha no diretório da Rede",
    "notice.directory.body":
      "Uma vez por ano, cada representante confirma que sua ficha no diretório de membros da Rede (nome, cargo, idiomas e os dados de contato que compartilha) continua correta.",
    "notice.directory.confirmed": "Você a confirmou pela última vez em {date}.",
    "notice.directory.never": "Você ainda não a confirmou.",
    "notice.directory.how":
      "Abra sua ficha no console: se tudo estiver certo, clique em «Confirmar»; se algo mudou, corrija e salve.",
    "notice.directory.action": "Abrir minha ficha",
  },
  fr: {
    "console.directory.noEntry":
      "Votre compte n'a pas de fiche dans l'annuaire du Réseau. Demandez au secrétariat de la créer.",
    "console.directory.noContact":
      "Votre fiche n'a pas de coordonnées où enregistrer un téléphone ou ce que vous partagez. Demandez au secrétariat d'enregistrer votre adresse e-mail.",
    "notice.directory.subject": "Confirmez ou mettez à jour votre fiche dans l'annuaire du Réseau",
    "notice.directory.body":
      "Une fois par an, chaque représentant confirme que sa fiche dans l'annuaire des membres du Réseau (nom, fonction, langues et coordonnées qu'il partage) est toujours exacte.",
    "notice.directory.confirmed": "Vous l'avez confirmée pour la dernière fois le {date}.",
    "notice.directory.never": "Vous ne l'avez pas encore confirmée.",
    "notice.directory.how":
      "Ouvrez votre fiche dans la console : si tout est exact, appuyez sur « Confirmer » ; si quelque chose a changé, corrigez-le et enregistrez.",
    "notice.directory.action": "Ouvrir ma fiche",
  },
});
