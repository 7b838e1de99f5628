import { z } from "zod";
import { type CsvCell, csvTable } from "../../csv/csv-table.js";
import { IdSchema, LangSchema, type Registration } from "../../model/index.js";
import type { CommitteeDeps } from "../deps.js";
import type { Actor } from "../permissions.js";
import { eventRegistrations } from "./overview.js";

export const ExportRegistrationsPayloadSchema = z
  .object({ lang: LangSchema.optional(), eventId: IdSchema, format: z.enum(["csv", "json"]) })
  .strict();

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** One registration as the export's row: the person's fields and where they stand, by the model's codes. */
function exported({ record, position }: ExportEntry) {
  const { status } = record;
  return {
    id: record.id,
    name: record.name,
    email: record.address,
    institution: record.institution,
    country: record.country,
    category: record.category,
    language: record.lang,
    timeZone: record.timeZone,
    /** The event's sessions by their number on the event page (1 for the first). */
    sessions: record.sessions.map((index) => index + 1),
    /** Of those, the sessions with a room of their own whose seat the person holds, and those they wait for. */
    roomSeats: record.seats?.map((index) => index + 1),
    roomsWaiting: record.seatsWaiting?.map((index) => index + 1),
    publicListConsent: record.publicListConsent,
    state: status.state,
    waitingListNumber: status.state === "waitlisted" || status.state === "offered" ? status.seq : undefined,
    waitingListPosition: position,
    offeredUntil: status.state === "offered" ? iso(status.untilMs) : undefined,
    cancelledFrom: status.state === "cancelled" ? status.from : undefined,
    cancelledBy: status.state === "cancelled" ? status.by : undefined,
    requestedAt: iso(record.requestedAtMs),
    confirmedAt: iso(
      record.confirmedAt instanceof Date ? record.confirmedAt.getTime() : record.confirmedAt?.toMillis(),
    ),
    decidedAt: iso(record.decidedAtMs),
  };
}
type Exported = ReturnType<typeof exported>;

const COLUMNS = [
  "id",
  "name",
  "email",
  "institution",
  "country",
  "category",
  "language",
  "timeZone",
  "sessions",
  "roomSeats",
  "roomsWaiting",
  "publicListConsent",
  "state",
  "waitingListNumber",
  "waitingListPosition",
  "offeredUntil",
  "cancelledFrom",
  "cancelledBy",
  "requestedAt",
  "confirmedAt",
  "decidedAt",
] as const satisfies readonly (keyof Exported)[];

const cell = (value: Exported[keyof Exported]): CsvCell => (Array.isArray(value) ? value.join("; ") : value);

/** Registrations as read with their waiting-list positions (overview.ts's `eventRegistrations`). */
export type ExportEntry = { record: Registration & { id: string }; position: number | undefined };

/**
 * An event's registrations as a file to download, CSV or JSON: the CSV through the one CSV
 * writer (csv/csv-table.ts), so a name typed as a formula stays text in a spreadsheet and a line
 * break stays inside its cell; the JSON as the values themselves. Rows in the order people asked.
 */
export function registrationsFile(eventId: string, format: "csv" | "json", entries: readonly ExportEntry[]) {
  const rows = entries
    .map(exported)
    .sort((a, b) => (a.requestedAt ?? "").localeCompare(b.requestedAt ?? "") || a.id.localeCompare(b.id));
  const name = `registrations-${eventId}`;
  if (format === "json") {
    return {
      filename: `${name}.json`,
      mediaType: "application/json",
      content: JSON.stringify({ eventId, registrations: rows }, null, 2),
    };
  }
  return {
    filename: `${name}.csv`,
    mediaType: "text/csv",
    content: csvTable(
      COLUMNS,
      rows.map((r) => COLUMNS.map((column) => cell(r[column]))),
    ),
  };
}

/** The export the committee and the secretariat download from the registrations screen. */
export async function exportRegistrations(
  deps: CommitteeDeps,
  _actor: Actor,
  input: z.infer<typeof ExportRegistrationsPayloadSchema>,
) {
  return registrationsFile(input.eventId, input.format, await eventRegistrations(deps.db, input.eventId));
}
