import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { COLLECTION_NAMES, type CollectionName, LANGS } from "../model/index.js";

/** One record as found on disk, before validation. */
export interface RawRecord {
  collection: CollectionName;
  file: string;
  /** Position in the file's array (0-based), or 0 for one-record files. */
  index: number;
  data: unknown;
}

/**
 * Reads the seed folder: `<collection>.json` holds an array of records; `documents/<id>.json`
 * holds one document whose Markdown body per language sits beside it as `<id>.<lang>.md`.
 */
export async function readSeed(dir: string): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for (const collection of COLLECTION_NAMES) {
    const file = join(dir, `${collection}.json`);
    if (existsSync(file)) {
      const parsed = await readJson(file);
      if (!Array.isArray(parsed)) throw new SeedFileError(file, "must contain a JSON array of records");
      for (const [index, data] of parsed.entries()) records.push({ collection, file, index, data });
    }
  }
  const docsDir = join(dir, "documents");
  if (existsSync(docsDir)) {
    for (const name of (await readdir(docsDir)).filter((n) => n.endsWith(".json")).sort()) {
      const file = join(docsDir, name);
      const data = await readJson(file);
      if (typeof data !== "object" || data === null || Array.isArray(data)) {
        throw new SeedFileError(file, "must contain one JSON object");
      }
      const id = basename(name, ".json");
      const body: Record<string, string> = {};
      for (const lang of LANGS) {
        const md = join(docsDir, `${id}.${lang}.md`);
        if (existsSync(md)) body[lang] = await readFile(md, "utf8");
      }
      records.push({ collection: "documents", file, index: 0, data: { ...data, body } });
    }
  }
  return records;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SeedFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
}

/** A seed file that cannot be read as records at all. */
export class SeedFileError extends Error {
  override name = "SeedFileError";
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file} ${problem}`);
  }
}
