// Every deployed function, each wired to its handler. Logic lives in the capability folders.
import { setGlobalOptions } from "firebase-functions/v2";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { auth, firestore } from "./admin.js";
import { onAccountWritten } from "./committee/accounts/claims.js";
import { consoleCallables } from "./committee/console-callables.js";
import { applySantiagoRule } from "./committee/seats/apply-santiago-rule.js";
import { CURSOR_KEY, REGION } from "./config.js";
import { ACCOUNTS_COLLECTION, COLLECTIONS, PUBLIC_COLLECTIONS } from "./model/index.js";
import { handleSiteRequest } from "./site/handler.js";
import { refreshPublicView } from "./views/view-writer.js";

setGlobalOptions({ region: REGION });

/**
 * The public network site (Hosting rewrites every non-asset path here).
 *
 * Sized for cost: the Hosting CDN answers most visits, and an instance answers a page it has
 * rendered from memory at thousands of requests a second, so one instance carries the network's
 * traffic and a few carry a crawler's. 80 requests at once share one vCPU (concurrency needs a
 * whole one) rather than each starting an instance and reading the view. 1 GiB: at 10,000
 * documents an instance that has built every output and filled its 64 MiB page cache peaks near
 * 600 MiB (`npm run bench`, "One instance"), and a killed instance costs a cold start and a view
 * read; memory is priced at about a tenth of a vCPU per second, so the margin costs little.
 * maxInstances caps the bill, and the view reads, under a flood: past it, requests queue and are
 * served, late, from warm caches. No minimum instance: a cold start reads one document for a
 * network's view, and the CDN hides it.
 */
export const site = onRequest(
  { memory: "1GiB", cpu: 1, concurrency: 80, maxInstances: 4, secrets: [CURSOR_KEY] },
  (req, res) => handleSiteRequest(req, res),
);

/**
 * One rebuild at a time per collection: concurrent rebuilds of the same view race to the same
 * result, and a write queued behind a rebuild finds the view already showing it and costs one
 * read (see refreshPublicView). Eventarc redelivers what waits. 512 MiB: a rebuild holds every
 * public record, its JSON and its gzip at once (40 MB of JSON at 10,000 documents).
 */
const REBUILD = { memory: "512MiB", concurrency: 1, maxInstances: 1 } as const;

const refreshView = (path: string) =>
  onDocumentWritten({ document: `${path}/{id}`, ...REBUILD }, async (event) => {
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
