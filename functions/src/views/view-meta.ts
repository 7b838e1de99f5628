import type { DocumentSnapshot, Firestore, Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import { VIEWS_COLLECTION } from "../model/index.js";

/** The document that names the current public view (and holds it, while it is small). */
const META_ID = "public";
/** Chunks carry their view's version in their ids, so two rebuilds never overwrite each other's. */
export const chunkId = (version: string, n: number) => `public-${version}-${n}`;

/** The meta document of the public view. */
export const metaRef = (db: Firestore) => db.collection(VIEWS_COLLECTION).doc(META_ID);

/** The documents holding a chunked view's data, in order (none for an inline view). */
export function chunkRefs(db: Firestore, { version, chunks }: Pick<ViewMeta, "version" | "chunks">) {
  return Array.from({ length: chunks }, (_, n) => db.collection(VIEWS_COLLECTION).doc(chunkId(version, n)));
}

// The functions and the processes that test or bench them may each load their own copy of the
// Firestore client, so a Timestamp is recognised by what it offers rather than by its class.
const isTimestamp = (value: unknown): value is Timestamp =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Timestamp).seconds === "number" &&
  typeof (value as Timestamp).nanoseconds === "number" &&
  typeof (value as Timestamp).toMillis === "function";

/** Which view is current, as a rebuild reports it. */
const ViewMetaSchema = z.object({
  /** A hash of the view's JSON: an unchanged database gives the same version. */
  version: z.string().regex(/^[0-9a-f]{16}$/),
  /** 0 when the view is inline in the meta document's `data`. */
  chunks: z.int().min(0),
  builtAt: z.iso.datetime(),
});
export type ViewMeta = z.infer<typeof ViewMetaSchema>;

/**
 * What a view's stored JSON is: 2 since each record is its public projection, so the stored bytes
 * are the open-data export as they are (`/data/public.json`). A view written before then may
 * carry fields the projections leave out, and is read but never served as it is.
 */
export const VIEW_FORMAT = 2;

/** The meta document as stored in `views/public`. */
const StoredMetaSchema = ViewMetaSchema.extend({
  format: z.int().optional(),
  /** The database time the view shows; a view never replaces one that shows a later time. */
  readTime: z.custom<Timestamp>(isTimestamp, { error: "readTime must be a Firestore Timestamp" }),
  /** The gzip-compressed view, when it is inline (`chunks` 0). */
  data: z.instanceof(Uint8Array).optional(),
});
export type StoredMeta = z.infer<typeof StoredMetaSchema>;

/** One chunk of a chunked view, `views/public-<version>-<n>`. */
export const ChunkSchema = z.object({ version: z.string(), data: z.instanceof(Uint8Array) });

/** The stored meta document, checked; undefined when the view has never been built. */
export function parseMeta(snapshot: DocumentSnapshot): StoredMeta | undefined {
  return snapshot.exists ? StoredMetaSchema.parse(snapshot.data()) : undefined;
}

/** Only which view it is, without its read time or data. */
export const metaOf = ({ version, chunks, builtAt }: ViewMeta): ViewMeta => ({ version, chunks, builtAt });
