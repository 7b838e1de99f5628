// Every deployed function, each wired to its handler. Logic lives in the capability folders.
import { setGlobalOptions } from "firebase-functions/v2";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { auth, firestore } from "./admin.js";
import { onAccountWritten } from "./committee/accounts/claims.js";
import { consoleCallables } from "./committee/console-callables.js";
import { applySantiagoRule } from "./committee/seats/apply-santiago-rule.js";
import { REGION } from "./config.js";
import { ACCOUNTS_COLLECTION, COLLECTIONS, PUBLIC_COLLECTIONS } from "./model/index.js";
import { handleSiteRequest } from "./site/handler.js";
import { refreshPublicView } from "./views/view-store.js";

setGlobalOptions({ region: REGION });

/** The public network site (Hosting rewrites every non-asset path here). */
export const site = onRequest({ memory: "512MiB", concurrency: 80 }, (req, res) => handleSiteRequest(req, res));

const refreshView = (path: string) =>
  onDocumentWritten(`${path}/{id}`, async (event) => {
    const after = event.data?.after;
    await refreshPublicView(firestore(), after?.exists ? after.updateTime : undefined);
  });

/** Keeps the public view (views/public) current whenever public content changes. */
export const views = Object.fromEntries(PUBLIC_COLLECTIONS.map((name) => [name, refreshView(COLLECTIONS[name].path)]));

const committeeDeps = () => ({ db: firestore(), auth: auth(), clock: () => new Date() });

/** Mirrors each console account into its custom claims (role, country, committee standing). */
export const accountClaims = onDocumentWritten(`${ACCOUNTS_COLLECTION}/{uid}`, async (event) => {
  await onAccountWritten(committeeDeps(), event.params.uid, event.data?.before?.data());
});

/** The Santiago rule: a country holds a seat when it hosted a past event or hosts an upcoming one. */
export const committeeSeats = onDocumentWritten(`${COLLECTIONS.events.path}/{id}`, async () => {
  await applySantiagoRule(committeeDeps());
});

/** The console's actions, one callable each (deployed as committee-saveDraft, committee-invite, ...). */
export const committee = Object.fromEntries(
  Object.entries(consoleCallables(committeeDeps)).map(([name, handler]) => [
    name,
    onCall((request) => handler(request)),
  ]),
);
