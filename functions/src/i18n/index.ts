import { LANGS, type Lang, type Localized } from "../model/index.js";
import { fillTemplate, type KeysOf, mergeCatalogs } from "./catalog.js";
import { common } from "./common.js";
import { consoleMessages } from "./console.js";
import { delegationAdditions } from "./delegation-additions.js";
import { delegationWithdrawal } from "./delegation-withdrawal.js";
import { delegations } from "./delegations.js";
import { directory } from "./directory.js";
import { door } from "./door.js";
import { events } from "./events.js";
import { library } from "./library.js";
import { map } from "./map.js";
import { notify } from "./notify.js";
import { type Picked, pickAvailable } from "./pick.js";
import { registrationAccreditation } from "./registration-accreditation.js";
import { registrationChanges } from "./registration-changes.js";
import { registrationConsole } from "./registration-console.js";
import { registrationForm } from "./registration-form.js";
import { registrationFormMail } from "./registration-form-mail.js";
import { registrationMail } from "./registration-mail.js";
import { registrationRooms } from "./registration-rooms.js";
import { subscriptions } from "./subscriptions.js";
import { translations } from "./translations.js";

const parts = [
  common,
  events,
  library,
  consoleMessages,
  notify,
  map,
  subscriptions,
  translations,
  directory,
  registrationConsole,
  registrationMail,
  delegations,
  door,
  registrationForm,
  registrationFormMail,
  registrationChanges,
  registrationRooms,
  registrationAccreditation,
  delegationWithdrawal,
  delegationAdditions,
] as const;
/** Every message key; a new part's catalogue goes into `parts`. */
export type MessageKey = KeysOf<(typeof parts)[number]>;

/** The whole catalogue per language (exported for the completeness test). */
export const CATALOG: Record<Lang, Record<string, string>> = mergeCatalogs(...parts);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language. Unknown placeholders are left visible so they get noticed. */
export function translator(lang: Lang): Translate {
  const messages = CATALOG[lang];
  return (key, params) => {
    return fillTemplate(messages[key] ?? CATALOG.es[key] ?? key, params);
  };
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Text of a record for a reader of `lang` (the one rule: `pickAvailable`); records always have one. */
export function pick(text: Localized, lang: Lang): Picked {
  // The schema guarantees es or en, so the empty text is unreachable for valid records.
  return pickAvailable(text, lang) ?? { text: "", lang, fallback: true };
}
