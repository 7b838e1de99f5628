import { defineCatalog } from "./catalog.js";

/**
 * A country withdraws a person from its delegation (docs/registration.md, "Withdrawing a
 * person"): the console's refusals, and the email to a person who had accepted. {country} is the
 * country's name in the reader's language, {event} the event's title, {name} the person's name.
 */
export const delegationWithdrawal = defineCatalog({
  es: {
    "console.delegation.personGone":
      "Esa persona ya no figura en la delegación: otra persona la retiró antes. Vuelva a cargar la página.",
    "console.delegation.started":
      "El evento ya comenzó: su delegación ya no se modifica. Escriba a la secretaría si algo debe corregirse.",
    "regWithdraw.subject": "Retirada de la delegación de {country}: {event}",
    "regWithdraw.body": "La representación de {country} en la Red le retiró de su delegación a {event}.",
    "regWithdraw.place":
      "Su plaza en el evento pasa a la primera persona de la lista de espera. El archivo adjunto quita el evento de su calendario.",
    "regWithdraw.offer": "La plaza que se le ofreció pasa a la siguiente persona de la lista de espera.",
    "regWithdraw.waitlist": "Ya no figura en la lista de espera del evento.",
    "regWithdraw.ask":
      "Si cree que es un error, escriba a la representación de su país en la Red. También puede inscribirse por su cuenta mientras la inscripción esté abierta.",
  },
  en: {
    "console.delegation.personGone":
      "That person is no longer in the delegation: someone else withdrew them first. Reload the page.",
    "console.delegation.started":
      "The event has started: its delegations no longer change. Write to the secretariat if something must be corrected.",
    "regWithdraw.subject": "Withdrawn from the delegation of {country}: {event}",
    "regWithdraw.body": "The representatives of {country} in the Network withdrew you from its delegation to {event}.",
    "regWithdraw.place":
      "Your place at the event goes to the first person on the waiting list. The attached file removes the event from your calendar.",
    "regWithdraw.offer": "The place offered to you goes to the next person on the waiting list.",
    "regWithdraw.waitlist": "You are no longer on the event's waiting list.",
    "regWithdraw.ask":
      "If you think this is a mistake, write to your country's representatives in the Network. You can also register on your own while registration is open.",
  },
  pt: {
    "console.delegation.personGone":
      "Essa pessoa já não está na delegação: outra pessoa a retirou antes. Recarregue a página.",
    "console.delegation.started":
      "O evento já começou: suas delegações não mudam mais. Escreva à secretaria se algo precisar ser corrigido.",
    "regWithdraw.subject": "Retirada da delegação ({country}): {event}",
    "regWithdraw.body": "A representação de {country} na Rede retirou você da delegação a {event}.",
    "regWithdraw.place":
      "Sua vaga no evento passa à primeira pessoa da lista de espera. O arquivo anexo remove o evento do seu calendário.",
    "regWithdraw.offer": "A vaga oferecida a você passa à próxima pessoa da lista de espera.",
    "regWithdraw.waitlist": "Você não está mais na lista de espera do evento.",
    "regWithdraw.ask":
      "Se acha que é um erro, escreva à representação do seu país na Rede. Você também pode se inscrever por conta própria enquanto a inscrição estiver aberta.",
  },
  fr: {
    "console.delegation.personGone":
      "Cette personne ne figure plus dans la délégation : quelqu’un d’autre l’a retirée avant. Rechargez la page.",
    "console.delegation.started":
      "L’événement a commencé : ses délégations ne changent plus. Écrivez au secrétariat si quelque chose doit être corrigé.",
    "regWithdraw.subject": "Retrait de la délégation ({country}) : {event}",
    "regWithdraw.body": "La représentation de {country} au sein du Réseau vous a retiré de sa délégation à {event}.",
    "regWithdraw.place":
      "Votre place à l’événement passe à la première personne de la liste d’attente. Le fichier joint retire l’événement de votre agenda.",
    "regWithdraw.offer": "La place qui vous était proposée passe à la personne suivante de la liste d’attente.",
    "regWithdraw.waitlist": "Vous ne figurez plus sur la liste d’attente de l’événement.",
    "regWithdraw.ask":
      "Si vous pensez qu’il s’agit d’une erreur, écrivez à la représentation de votre pays au sein du Réseau. Vous pouvez aussi vous inscrire vous-même tant que les inscriptions sont ouvertes.",
  },
});
