import type { Firestore } from "firebase-admin/firestore";
import { dayIn } from "../calendar/days.js";
import { pick } from "../i18n/index.js";
import type { Log } from "../log.js";
import { COLLECTIONS, converterFor, type Initiative, type LinkCheck } from "../model/index.js";
import { enqueueAll } from "../notify/outbox.js";
import { committeeRecipients } from "../notify/recipients.js";
import { composeMessage } from "../notify/templates.js";
import { linksBack } from "./backlink.js";
import { DEFAULT_LIMITS, type FetchLimits, FetchRefused, fetchPage } from "./fetch-page.js";

export interface LinkCheckOptions {
  /** The network site's origin, which the initiatives should link to. */
  siteOrigin: string;
  /** The calendar the check's day is counted in. */
  timeZone: string;
  limits?: FetchLimits;
}

/** One initiative's website, checked: does it link back to the network's site? */
export async function checkWebsite(website: string, options: LinkCheckOptions, today: string): Promise<LinkCheck> {
  try {
    const page = await fetchPage(website, options.limits ?? DEFAULT_LIMITS);
    if (page.status < 200 || page.status >= 300)
      return { checkedOn: today, result: "unreachable", detail: `HTTP ${page.status}` };
    return { checkedOn: today, result: linksBack(page.body, page.url, options.siteOrigin) ? "links" : "missing" };
  } catch (error) {
    if (!(error instanceof FetchRefused)) throw error;
    return { checkedOn: today, result: "unreachable", detail: `${error.reason}: ${error.message}`.slice(0, 300) };
  }
}

const crossLinkOf = (check: LinkCheck): Initiative["crossLink"] => (check.result === "links" ? "linked" : "broken");

/**
 * The weekly cross-link check: fetches every initiative's website, records the result on the
 * initiative (the initiatives page shows it), and tells the committee when a result changed.
 */
export async function checkInitiativeLinks(db: Firestore, clock: () => Date, log: Log, options: LinkCheckOptions) {
  const today = dayIn(clock(), options.timeZone);
  const initiatives = db.collection(COLLECTIONS.initiatives.path).withConverter(converterFor("initiatives"));
  const results: Record<string, LinkCheck> = {};
  const changed: { initiative: Initiative; before?: LinkCheck; after: LinkCheck }[] = [];
  for (const doc of (await initiatives.get()).docs) {
    const { id, website } = doc.data();
    if (!website) continue;
    const check = await checkWebsite(website, options, today);
    // A fetch takes seconds and the console may change the initiative meanwhile: the check
    // reads it again and writes only its own two fields, so a person's edit, its publication
    // state and its version are never replaced by the copy read before the fetch.
    const recorded = await db.runTransaction(async (tx) => {
      const current = (await tx.get(initiatives.doc(id))).data();
      if (current?.website !== website) return undefined;
      tx.update(initiatives.doc(id), { linkCheck: check, crossLink: crossLinkOf(check) });
      return current;
    });
    if (!recorded) {
      log({ severity: "INFO", message: "links.superseded", initiative: id });
      continue;
    }
    results[id] = check;
    const before = recorded.linkCheck;
    if (before && before.result !== check.result) changed.push({ initiative: recorded, before, after: check });
    log({ severity: "INFO", message: "links.checked", initiative: id, result: check.result });
  }
  if (changed.length > 0) {
    const recipients = await committeeRecipients(db);
    await enqueueAll(
      db,
      clock,
      log,
      changed.flatMap(({ initiative, after }) =>
        recipients.map((recipient) => ({
          purpose: "links.changed",
          occurrence: `${initiative.id}:${today}`,
          recipient,
          content: composeMessage(
            {
              subject: "links.changed.subject",
              paragraphs: [`links.changed.${after.result}`],
              // The website itself stays out of the message: links in email lead only to the site.
              params: { initiative: pick(initiative.name, recipient.lang).text },
              action: { label: "links.action", path: `/${recipient.lang}/initiatives` },
            },
            recipient,
            options.siteOrigin,
          ),
        })),
      ),
    );
  }
  return results;
}
