// `npm run demo-clock -- 2027-01-08`: on the emulators `npm start` runs, makes the daily reminder
// jobs (hosting commitment, events, the yearly directory confirmation) take that day as today and runs them at once, so the reminders it sends land in the local
// mailbox. `npm run demo-clock -- now` goes back to the real date. Production never reads it.
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { DEMO_CLOCK_DOC } from "../functions/lib/reminders/demo-clock.js";
import { JOB_STATE_COLLECTION } from "../functions/lib/reminders/ledger.js";
import { PROJECT_ID } from "./emulators.mjs";
import { emulatorHosts } from "./suite.mjs";

const [day] = process.argv.slice(2);
if (!day || (day !== "now" && !/^\d{4}-\d{2}-\d{2}$/.test(day))) {
  console.error("usage: npm run demo-clock -- <YYYY-MM-DD | now>   (with `npm start` running)");
  process.exit(2);
}
const hosts = emulatorHosts();
process.env.FIRESTORE_EMULATOR_HOST = hosts.firestore;
const db = getFirestore(initializeApp({ projectId: PROJECT_ID }));
const ref = db.collection(JOB_STATE_COLLECTION).doc(DEMO_CLOCK_DOC);
if (day === "now") await ref.delete();
else await ref.set({ nowMs: Date.parse(`${day}T12:00:00Z`) });
// A v2 scheduled function never fires by itself in the emulator; a POST runs it.
const run = (job) => fetch(`http://${hosts.functions}/${PROJECT_ID}/southamerica-east1/${job}-0`, { method: "POST" });
const responses = [await run("commitmentReminders"), await run("eventReminders"), await run("directoryConfirmations")];
const failed = responses.find((r) => !r.ok);
console.log(
  failed
    ? `Demo clock set to ${day}, but running a job answered ${failed.status}: is \`npm start\` running?`
    : `Demo clock set to ${day}; the reminder jobs ran. Their emails are in the local mailbox (http://127.0.0.1:1080/).`,
);
process.exit(failed ? 1 : 0);
