// Every deployed function, each wired to its handler. Logic lives in the capability folders.
import { setGlobalOptions } from "firebase-functions/v2";
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { firestore } from "./admin.js";
import { COMMITMENT_ACTIONS, handleCommitmentCall } from "./commitment/callables.js";
import { jobToday } from "./commitment/demo-clock.js";
import { runCommitmentReminders } from "./commitment/reminders.js";
import { CURSOR_KEY, JOBS_TIME_ZONE, REGION, SITE_ORIGIN, SMTP_PASSWORD } from "./config.js";
import { checkInitiativeLinks } from "./links/check.js";
import { cloudLog } from "./log.js";
import { COLLECTIONS, OUTBOX_COLLECTION, PUBLIC_COLLECTIONS } from "./model/index.js";
import { handleReviewCall } from "./notify/callables.js";
import { deliverMessage } from "./notify/delivery.js";
import { outboxDeps } from "./notify/runtime.js";
import { sweepOutbox } from "./notify/sweeper.js";
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

/** Sends each queued email once (notify/delivery.ts); a duplicate delivery of the event finds it claimed. */
export const outbox = onDocumentCreated(
  { document: `${OUTBOX_COLLECTION}/{id}`, secrets: [SMTP_PASSWORD], timeoutSeconds: 120 },
  async (event) => {
    await deliverMessage(outboxDeps(), event.params.id);
  },
);

/** Takes back expired claims and sends retries whose backoff is over (notify/sweeper.ts). */
export const outboxSweeper = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", secrets: [SMTP_PASSWORD], timeoutSeconds: 300 },
  async () => {
    await sweepOutbox(outboxDeps());
  },
);

/** Hosting-commitment reminders, once a day at 08:00 in the jobs' time zone (commitment/reminders.ts). */
export const commitmentReminders = onSchedule(
  { schedule: "every day 08:00", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 540 },
  async () => {
    const origin = new URL(SITE_ORIGIN.value()).origin;
    const db = firestore();
    const today = await jobToday(db);
    await runCommitmentReminders(db, () => new Date(), cloudLog, { origin, timeZone: JOBS_TIME_ZONE, today });
  },
);

/** The console's commitment actions (activate, renew, hand over, tick a handover item), secretariat only. */
export const commitments = Object.fromEntries(
  Object.entries(COMMITMENT_ACTIONS).map(([name, action]) => [
    name,
    onCall((request) =>
      handleCommitmentCall(action, request, {
        db: firestore(),
        clock: () => new Date(),
        options: { timeZone: JOBS_TIME_ZONE },
      }),
    ),
  ]),
);

/** The initiatives' cross-links, checked every Monday (links/check.ts). */
export const initiativeLinks = onSchedule(
  { schedule: "every monday 06:00", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 540 },
  async () => {
    const siteOrigin = new URL(SITE_ORIGIN.value()).origin;
    await checkInitiativeLinks(firestore(), () => new Date(), cloudLog, { siteOrigin, timeZone: JOBS_TIME_ZONE });
  },
);

/** The console's decision on an email flagged for review: it arrived, or send it again (secretariat only). */
export const resolveOutboxReview = onCall((request) =>
  handleReviewCall(request, { db: firestore(), clock: () => new Date() }),
);
