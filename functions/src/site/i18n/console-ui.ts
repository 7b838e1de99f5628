import { mergeCatalogs } from "./catalog.js";
import { consoleUiAdmin } from "./console-ui-admin.js";
import { consoleUiCore } from "./console-ui-core.js";
import { consoleUiRecords } from "./console-ui-records.js";

/**
 * The committee console's interface (hosting/console). Kept apart from the site's parts so the
 * console bundles only its own messages; the callables' errors come already translated. One
 * file per area of the console, so each stays readable.
 */
export const consoleUi = mergeCatalogs(consoleUiCore, consoleUiRecords, consoleUiAdmin);
