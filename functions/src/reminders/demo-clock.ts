import type { Firestore } from "firebase-admin/firestore";
import { JOB_STATE_COLLECTION } from "./ledger.js";

/** The document `npm run demo-clock` writes on the emulators: the moment the daily jobs take as now. */
export const DEMO_CLOCK_DOC = "demo-clock";

/**
 * The moment the daily job handles. On the Functions emulator only, a demo clock set with
 * `npm run demo-clock -- <YYYY-MM-DD>` replaces today, so reminders due months ahead can be
 * tried at once; a deployed function never reads it.
 */
export async function jobToday(db: Firestore, env: NodeJS.ProcessEnv = process.env): Promise<Date | undefined> {
  if (env.FUNCTIONS_EMULATOR !== "true") return undefined;
  const nowMs = (await db.collection(JOB_STATE_COLLECTION).doc(DEMO_CLOCK_DOC).get()).get("nowMs");
  return typeof nowMs === "number" ? new Date(nowMs) : undefined;
}
