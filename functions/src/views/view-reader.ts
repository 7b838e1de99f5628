import { gunzipSync } from "node:zlib";
import type { Firestore } from "firebase-admin/firestore";
import { type PublicSnapshot, PublicSnapshotSchema } from "./public-snapshot.js";
import { ChunkSchema, chunkRefs, metaRef, parseMeta, VIEW_FORMAT, type ViewMeta } from "./view-meta.js";

/** Counts the document reads made through it, so tests and the bench can report them. */
export type ReadMeter = { reads: number };

/** The view's bytes as stored, for outputs that can be served as they are. */
export type StoredView = {
  /** The gzip of the view's JSON, when that JSON is the public export itself (see VIEW_FORMAT). */
  gzipJson?: Uint8Array<ArrayBuffer>;
};

export type LoadedView<T> = {
  version: string;
  snapshot: PublicSnapshot;
  derived: T;
};

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
    private readonly derive: (snapshot: PublicSnapshot, stored: StoredView) => T,
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
      const metaSnap = await metaRef(db).get();
      this.meter.reads += 1;
      const meta = parseMeta(metaSnap);
      if (!meta) throw new ViewMissingError();
      if (this.loaded?.version === meta.version) {
        this.checkedAt = now;
        return this.loaded;
      }
      const zipped = meta.chunks === 0 ? meta.data : await this.readChunks(db, meta);
      // A rebuild may be under way between our two reads; then read the meta again.
      if (!zipped) continue;
      const snapshot = PublicSnapshotSchema.parse(JSON.parse(gunzipSync(zipped).toString("utf8")));
      // Copied once, off the Firestore client's buffers, so serving it never copies again.
      const stored = meta.format === VIEW_FORMAT ? { gzipJson: new Uint8Array(zipped) } : {};
      this.loaded = { version: meta.version, snapshot, derived: this.derive(snapshot, stored) };
      this.checkedAt = now;
      return this.loaded;
    }
    throw new Error("The public view kept changing while it was being read; try again.");
  }

  /** The view's chunks joined, or undefined when some belong to another version. */
  private async readChunks(db: Firestore, meta: ViewMeta): Promise<Buffer | undefined> {
    const chunks = await db.getAll(...chunkRefs(db, meta));
    this.meter.reads += chunks.length;
    const parts: Uint8Array[] = [];
    for (const chunk of chunks) {
      const parsed = ChunkSchema.safeParse(chunk.data());
      if (!parsed.success || parsed.data.version !== meta.version) return undefined;
      parts.push(parsed.data.data);
    }
    return Buffer.concat(parts);
  }
}

/** The public view has never been built: the seed was not loaded or no trigger has run yet. */
class ViewMissingError extends Error {
  override name = "ViewMissingError";
  constructor() {
    super("The public view has not been built yet: load the seed (npm start does) or write any content document.");
  }
}
