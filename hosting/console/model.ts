// The console shares the functions' zod model, so both sides agree on roles and records.
export type { Lang } from "../../functions/src/model/common.js";
export { RoleSchema } from "../../functions/src/model/roles.js";

/** Text in the console's language, or whichever the record has. */
export function pickText(text: Record<string, string> | undefined, lang: string): string | undefined {
  return text?.[lang] ?? text?.es ?? text?.en;
}
