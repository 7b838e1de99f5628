import { REGION } from "../../functions/src/config.js";
import { FUNCTIONS_ORIGIN } from "./emulator-suite.js";
import { DEMO_PROJECT } from "./shared-accounts.js";

/**
 * Posts `data` to the deployed callable `name` (its full name: "committee-saveDraft") of the demo
 * project in the Functions emulator, as the callable's client does over HTTP, with the ID token
 * given or none: the way an attacker from outside reaches it too.
 */
export function postCallable(name: string, idToken: string | undefined, data: unknown): Promise<Response> {
  return fetch(`${FUNCTIONS_ORIGIN}/${DEMO_PROJECT}/${REGION}/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(idToken ? { Authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify({ data }),
  });
}

/** What `postCallable` answered, parsed: `{ result }` or `{ error }` as the callable protocol says. */
export async function callOverHttp<Answer>(name: string, idToken: string | undefined, data: unknown): Promise<Answer> {
  return (await (await postCallable(name, idToken, data)).json()) as Answer;
}
