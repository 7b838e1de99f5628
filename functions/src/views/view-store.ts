import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { VIEWS_COLLECTION } from "../model/index.js";
import { buildPublicSnapshot, type PublicSnapshot, PublicSnapshotSchema } from "./public-snapshot.js";

/** Firestore documents hold at most 1 MiB; chunks stay well below it. */
const CHUNK_BYTES = 900_000;
/**
 * A view this small (the network's real content, a few dozen records, is a few KB zipped) rides
 * in the meta document itself, so an instance starts with one read; bigger views go to chunks.
 */
const INLINE_BYTES = 256_000;
export const META_ID = "public";
/** Chunks carry their view's version in their ids, so two rebuilds never overwrite each other's. */
export const chunkId = (version: string, n: number) => `public-${version}-${n}`;

/** The documents holding a chunked view's data, in order (none for an inline view). */
export function chunkRefs(db: Firestore, { version, chunks }: Pick<ViewMeta, "version" | "chunks">) {
  return Array.from({ length: chunks }, (_, n) => db.collection(VIEWS_COLLECTION).doc(chunkId(version, n)));
}

export interface ViewMeta {
  version: string;
  /** 0 when the view is inline in the meta document's `data`. */
  chunks: number;
  builtAt: string;
}

interface StoredMeta extends ViewMeta {
  /** The database time the view shows; a view never replaces one that shows a later time. */
  readTime?: Timestamp;
  data?: Uint8Array;
}

/** What a rebuild did: `stored` false when the view was already current or a newer one had won. */
export interface RebuildResult extends ViewMeta {
  stored: boolean;
}

/**
 * Rebuilds the public view from the content collections: reads them as of one moment, then
 * stores the view (see storePublicView).
 */
export async function rebuildPublicView(db: Firestore, now: () => Date = () => new Date()): Promise<RebuildResult> {
  const { snapshot, readTime } = await buildPublicSnapshot(db);
  return storePublicView(db, snapshot, readTime, now);
}

/**
 * What a content trigger calls after a write. A write whose commit time is not after the stored
 * view's read time is already in it (the view read every collection at that one moment), so a
 * burst of writes costs one rebuild plus one read per further write instead of one rebuild each.
 * Deletes carry no commit time in their event, so they always rebuild.
 */
export async function refreshPublicView(
  db: Firestore,
  writtenAt: Timestamp | undefined,
  now: () => Date = () => new Date(),
): Promise<RebuildResult & { skipped: boolean }> {
  if (writtenAt) {
    const meta = (await db.collection(VIEWS_COLLECTION).doc(META_ID).get()).data() as StoredMeta | undefined;
    if (meta?.readTime && meta.readTime.valueOf() >= writtenAt.valueOf()) {
      return { ...metaOf(meta), stored: false, skipped: true };
    }
  }
  return { ...(await rebuildPublicView(db, now)), skipped: false };
}

/**
 * Stores a public view gzip-compressed: inline in `views/public` when small, otherwise in
 * versioned chunks `views/public-<version>-<n>` written before `views/public` points at them.
 * Triggers run concurrently, so the pointer moves in a transaction and only forward: a view read
 * at an earlier time than the stored one is dropped, never stored over it. The version is a hash
 * of the content, so an unchanged database leaves the view untouched.
 */
export async function storePublicView(
  db: Firestore,
  snapshot: PublicSnapshot,
  readTime: Timestamp,
  now: () => Date = () => new Date(),
): Promise<RebuildResult> {
  const json = JSON.stringify(snapshot);
  const version = createHash("sha256").update(json).digest("hex").slice(0, 16);
  const metaRef = db.collection(VIEWS_COLLECTION).doc(META_ID);
  const before = (await metaRef.get()).data() as StoredMeta | undefined;
  if (before?.version === version) return { ...metaOf(before), stored: false };

  const zipped = gzipSync(json, { level: 9 });
  const chunks = zipped.length <= INLINE_BYTES ? 0 : Math.ceil(zipped.length / CHUNK_BYTES);
  if (chunks > 0) {
    const batch = db.batch();
    chunkRefs(db, { version, chunks }).forEach((ref, n) => {
      batch.set(ref, { version, data: zipped.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES) });
    });
    await batch.commit();
  }
  const meta: ViewMeta = { version, chunks, builtAt: now().toISOString() };
  const outcome = await db.runTransaction(async (tx) => {
    const current = (await tx.get(metaRef)).data() as StoredMeta | undefined;
    if (current?.readTime && current.readTime.valueOf() > readTime.valueOf()) return { won: false as const, current };
    tx.set(metaRef, chunks === 0 ? { ...meta, readTime, data: zipped } : { ...meta, readTime });
    return { won: true as const, current };
  });
  // The chunks no pointer names any more (the replaced view's, or ours if a newer view won) are
  // dead weight; a reader still following the old pointer finds them gone and reads it again.
  const inUse = outcome.won ? version : outcome.current.version;
  const dead = outcome.won ? outcome.current : meta;
  if (dead && dead.version !== inUse) await Promise.all(chunkRefs(db, dead).map((ref) => ref.delete()));
  return outcome.won ? { ...meta, stored: true } : { ...metaOf(outcome.current), stored: false };
}

const metaOf = ({ version, chunks, builtAt }: StoredMeta): ViewMeta => ({ version, chunks, builtAt });

/** Counts the document reads made through it, so tests and the bench can report them. */
export interface ReadMeter {
  reads: number;
}

export interface LoadedView<T> {
  version: string;
  snapshot: PublicSnapshot;
  derived: T;
}

/**
 * A per-instance cache of the public view. Each `current()` costs one read (the meta document)
 * to learn whether a trigger has rebuilt the view; only then are the chunks, if any, read again
 * and `derive` (indexes, search) recomputed. Within `maxAgeMs` of the last check, it costs none.
 */
export class PublicViewCache<T> {
  private loaded: LoadedView<T> | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<LoadedView<T>> | undefined;
  readonly meter: ReadMeter = { reads: 0 };

  constructor(
    private readonly db: () => Firestore,
    private readonly derive: (snapshot: PublicSnapshot) => T,
    private readonly options: { maxAgeMs: number; clock?: () => number } = { maxAgeMs: 0 },
  ) {}

  async current(): Promise<LoadedView<T>> {
    const now = (this.options.clock ?? Date.now)();
    if (this.loaded && now - this.checkedAt < this.options.maxAgeMs) return this.loaded;
    // Concurrent requests on one instance share a single check.
    this.pending ??= this.refresh(now).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refresh(now: number): Promise<LoadedView<T>> {
    const db = this.db();
    for (let attempt = 0; attempt < 3; attempt++) {
      const metaSnap = await db.collection(VIEWS_COLLECTION).doc(META_ID).get();
      this.meter.reads += 1;
      const meta = metaSnap.data() as StoredMeta | undefined;
      if (!meta) throw new ViewMissingError();
      if (this.loaded?.version === meta.version) {
        this.checkedAt = now;
        return this.loaded;
      }
      const zipped = meta.chunks === 0 ? meta.data : await this.readChunks(db, meta);
      // A rebuild may be under way between our two reads; then read the meta again.
      if (!zipped) continue;
      const snapshot = PublicSnapshotSchema.parse(JSON.parse(gunzipSync(zipped).toString("utf8")));
      this.loaded = { version: meta.version, snapshot, derived: this.derive(snapshot) };
      this.checkedAt = now;
      return this.loaded;
    }
    throw new Error("The public view kept changing while it was being read; try again.");
  }

  /** The view's chunks joined, or undefined when some belong to another version. */
  private async readChunks(db: Firestore, meta: ViewMeta): Promise<Buffer | undefined> {
    const chunks = await db.getAll(...chunkRefs(db, meta));
    this.meter.reads += chunks.length;
    if (chunks.some((c) => c.get("version") !== meta.version)) return undefined;
    return Buffer.concat(chunks.map((c) => c.get("data") as Buffer));
  }
}

/** The public view has never been built: the seed was not loaded or no trigger has run yet. */
export class ViewMissingError extends Error {
  override name = "ViewMissingError";
  constructor() {
    super("The public view has not been built yet: load the seed (npm start does) or write any content document.");
  }
}
