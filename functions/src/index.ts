// Every deployed function, each wired to its handler. Logic lives in the capability folders.
import { setGlobalOptions } from "firebase-functions/v2";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onRequest } from "firebase-functions/v2/https";
import { firestore } from "./admin.js";
import { CURSOR_KEY, REGION } from "./config.js";
import { COLLECTIONS, PUBLIC_COLLECTIONS } from "./model/index.js";
import { handleSiteRequest } from "./site/handler.js";
import { refreshPublicView } from "./views/view-writer.js";

setGlobalOptions({ region: REGION });

/** The public network site (Hosting rewrites every non-asset path here). */
export const site = onRequest({ memory: "512MiB", concurrency: 80, secrets: [CURSOR_KEY] }, (req, res) =>
  handleSiteRequest(req, res),
);

const refreshView = (path: string) =>
  onDocumentWritten(`${path}/{id}`, async (event) => {
    const after = event.data?.after;
    await refreshPublicView(firestore(), after?.exists ? after.updateTime : undefined);
  });

/** Keeps the public view (views/public) current whenever public content changes. */
export const views = Object.fromEntries(PUBLIC_COLLECTIONS.map((name) => [name, refreshView(COLLECTIONS[name].path)]));
