import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { cloudLog, type Log } from "../log.js";
import { buildPublicSnapshot, type PublicSnapshot } from "./public-snapshot.js";
import { chunkRefs, metaOf, metaRef, parseMeta, VIEW_FORMAT, type ViewMeta } from "./view-meta.js";

/** Firestore documents hold at most 1 MiB; chunks stay well below it. */
const CHUNK_BYTES = 900_000;
/**
 * A view this small (the network's real content, a few dozen records, is a few KB zipped) rides
 * in the meta document itself, so an instance starts with one read; bigger views go to chunks.
 */
const INLINE_BYTES = 256_000;

/** What a rebuild did: `stored` false when the view was already current or a newer one had won. */
export type RebuildResult = ViewMeta & { stored: boolean };

/** The clock (for `builtAt` and durations) and where to log what a rebuild did. */
export type WriterDeps = { now?: () => Date; log?: Log };

/**
 * Rebuilds the public view from the content collections: reads them as of one moment, then
 * stores the view (see storePublicView).
 */
export async function rebuildPublicView(db: Firestore, deps: WriterDeps = {}): Promise<RebuildResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const log = deps.log ?? cloudLog;
  const { snapshot, readTime } = await buildPublicSnapshot(db, log);
  const stored = await store(db, snapshot, readTime, now);
  logStore(log, stored, now().getTime() - started.getTime());
  return stored.result;
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
  deps: WriterDeps = {},
): Promise<RebuildResult & { skipped: boolean }> {
  if (writtenAt) {
    const meta = parseMeta(await metaRef(db).get());
    if (meta && meta.readTime.valueOf() >= writtenAt.valueOf()) {
      (deps.log ?? cloudLog)({
        severity: "INFO",
        message: "view.skipped: the stored view already shows this write",
        version: meta.version,
        writtenAt: writtenAt.toDate().toISOString(),
        viewReadTime: meta.readTime.toDate().toISOString(),
      });
      return { ...metaOf(meta), stored: false, skipped: true };
    }
  }
  return { ...(await rebuildPublicView(db, deps)), skipped: false };
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
  deps: WriterDeps = {},
): Promise<RebuildResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const stored = await store(db, snapshot, readTime, now);
  logStore(deps.log ?? cloudLog, stored, now().getTime() - started.getTime());
  return stored.result;
}

/** How a store ended: stored, already current (same version), or superseded by a view read later. */
type Stored = { result: RebuildResult; outcome: "stored" | "unchanged" | "superseded"; ours: ViewMeta; bytes: number };

async function store(db: Firestore, snapshot: PublicSnapshot, readTime: Timestamp, now: () => Date): Promise<Stored> {
  const json = JSON.stringify(snapshot);
  const version = createHash("sha256").update(json).digest("hex").slice(0, 16);
  const ref = metaRef(db);
  const before = parseMeta(await ref.get());
  if (before?.version === version) {
    const result = { ...metaOf(before), stored: false };
    return { result, outcome: "unchanged", ours: metaOf(before), bytes: 0 };
  }

  const zipped = gzipSync(json, { level: 9 });
  const chunks = zipped.length <= INLINE_BYTES ? 0 : Math.ceil(zipped.length / CHUNK_BYTES);
  if (chunks > 0) {
    const batch = db.batch();
    chunkRefs(db, { version, chunks }).forEach((chunk, n) => {
      batch.set(chunk, { version, data: zipped.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES) });
    });
    await batch.commit();
  }
  const meta: ViewMeta = { version, chunks, builtAt: now().toISOString() };
  const outcome = await db.runTransaction(async (tx) => {
    const current = parseMeta(await tx.get(ref));
    if (current && current.readTime.valueOf() > readTime.valueOf()) return { won: false as const, current };
    const stored = { ...meta, format: VIEW_FORMAT, readTime };
    tx.set(ref, chunks === 0 ? { ...stored, data: zipped } : stored);
    return { won: true as const, current };
  });
  // The chunks no pointer names any more (the replaced view's, or ours if a newer view won) are
  // dead weight; a reader still following the old pointer finds them gone and reads it again.
  const inUse = outcome.won ? version : outcome.current.version;
  const dead = outcome.won ? outcome.current : meta;
  if (dead && dead.version !== inUse) await Promise.all(chunkRefs(db, dead).map((chunk) => chunk.delete()));
  return outcome.won
    ? { result: { ...meta, stored: true }, outcome: "stored", ours: meta, bytes: zipped.length }
    : {
        result: { ...metaOf(outcome.current), stored: false },
        outcome: "superseded",
        ours: meta,
        bytes: zipped.length,
      };
}

function logStore(log: Log, { result, outcome, ours, bytes }: Stored, ms: number): void {
  if (outcome === "stored") {
    log({ severity: "INFO", message: "view.rebuilt", version: ours.version, chunks: ours.chunks, bytes, ms });
  } else if (outcome === "unchanged") {
    log({ severity: "INFO", message: "view.unchanged: the content has not changed", version: ours.version, ms });
  } else {
    // Another trigger stored a view read later than ours while we built it: ours is dropped.
    log({
      severity: "INFO",
      message: "view.superseded: a view read later won the race",
      version: ours.version,
      current: result.version,
      bytes,
      ms,
    });
  }
}
