import { mergeCatalogs } from "../../../functions/src/i18n/catalog.js";
import { consoleUiAdmin } from "./messages-admin.js";
import { consoleUiCore } from "./messages-core.js";
import { consoleUiDelegationAdditions } from "./messages-delegation-additions.js";
import { consoleUiDelegationWithdrawal } from "./messages-delegation-withdrawal.js";
import { consoleUiDelegations } from "./messages-delegations.js";
import { consoleUiDirectory } from "./messages-directory.js";
import { consoleUiDoor } from "./messages-door.js";
import { consoleUiForms } from "./messages-forms.js";
import { consoleUiMember } from "./messages-member.js";
import { consoleUiMenu } from "./messages-menu.js";
import { consoleUiNames } from "./messages-names.js";
import { consoleUiOutbox } from "./messages-outbox.js";
import { consoleUiPending } from "./messages-pending.js";
import { consoleUiRecords } from "./messages-records.js";
import { consoleUiRegistration } from "./messages-registration.js";
import { consoleUiRooms } from "./messages-rooms.js";
import { consoleUiTranslations } from "./messages-translations.js";

/**
 * The committee console's interface (hosting/console). Kept apart from the functions' catalogue so
 * the console bundles only its own messages and no function loads them; the callables' errors come already translated. One
 * file per area of the console, so each stays readable.
 */
export const consoleUi = mergeCatalogs(
  consoleUiCore,
  consoleUiRecords,
  consoleUiAdmin,
  consoleUiNames,
  consoleUiMember,
  consoleUiForms,
  consoleUiTranslations,
  consoleUiDirectory,
  consoleUiRegistration,
  consoleUiDelegations,
  consoleUiDoor,
  consoleUiRooms,
  consoleUiOutbox,
  consoleUiPending,
  consoleUiDelegationWithdrawal,
  consoleUiDelegationAdditions,
  consoleUiMenu,
);
