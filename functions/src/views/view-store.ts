import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Firestore } from "firebase-admin/firestore";
import { VIEWS_COLLECTION } from "../model/index.js";
import { buildPublicSnapshot, type PublicSnapshot, PublicSnapshotSchema } from "./public-snapshot.js";

/** Firestore documents hold at most 1 MiB; chunks stay well below it. */
const CHUNK_BYTES = 900_000;
/**
 * A view this small (the network's real content is a few dozen records, some 20 KB zipped) rides
 * in the meta document itself, so an instance starts with one read; bigger views go to chunks.
 */
const INLINE_BYTES = 256_000;
export const META_ID = "public";
const chunkId = (n: number) => `public-chunk-${n}`;

export interface ViewMeta {
  version: string;
  /** 0 when the view is inline in the meta document's `data`. */
  chunks: number;
  builtAt: string;
}

interface StoredMeta extends ViewMeta {
  data?: Uint8Array;
}

/**
 * Rebuilds the public view from the content collections and stores it gzip-compressed, inline in
 * `views/public` when small, otherwise in `views/public-chunk-*` with `views/public` pointing at
 * them. Chunks are written before the meta document, so a reader that follows the meta never
 * finds chunks missing. The version is a hash
 * of the content, so an unchanged database leaves the view untouched.
 */
export async function rebuildPublicView(db: Firestore, now: () => Date = () => new Date()): Promise<ViewMeta> {
  const snapshot = await buildPublicSnapshot(db);
  const json = JSON.stringify(snapshot);
  const version = createHash("sha256").update(json).digest("hex").slice(0, 16);
  const metaRef = db.collection(VIEWS_COLLECTION).doc(META_ID);
  const current = (await metaRef.get()).data() as StoredMeta | undefined;
  if (current?.version === version) return metaOf(current);

  const zipped = gzipSync(json, { level: 9 });
  const chunks = zipped.length <= INLINE_BYTES ? 0 : Math.ceil(zipped.length / CHUNK_BYTES);
  if (chunks > 0) {
    const batch = db.batch();
    for (let n = 0; n < chunks; n++) {
      batch.set(db.collection(VIEWS_COLLECTION).doc(chunkId(n)), {
        version,
        data: zipped.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES),
      });
    }
    await batch.commit();
  }
  const meta: ViewMeta = { version, chunks, builtAt: now().toISOString() };
  await metaRef.set(chunks === 0 ? { ...meta, data: zipped } : meta);
  // Chunks left over from a bigger earlier view are dead weight; drop them.
  const stale = [];
  for (let n = chunks; n < (current?.chunks ?? 0); n++)
    stale.push(db.collection(VIEWS_COLLECTION).doc(chunkId(n)).delete());
  await Promise.all(stale);
  return meta;
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
    const refs = Array.from({ length: meta.chunks }, (_, n) => db.collection(VIEWS_COLLECTION).doc(chunkId(n)));
    const chunks = await db.getAll(...refs);
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
