import type { Log } from "../log.js";
import type { SiteData } from "./data.js";

/** Built files of one view version, by name. */
export type FileShelf = (data: SiteData, name: string, build: () => string) => Uint8Array<ArrayBuffer>;

/**
 * Feeds, calendars, the sitemap and open data are pure functions of one view version (and this
 * app's origin), and SiteData is derived once per version: keyed on it, each file is built and
 * encoded once per version and instance, however often it is fetched, and goes when its version
 * does. Unlike the page cache this is never evicted: the calendar of 1,000 events or the JSON of
 * 10,000 documents costs too much to build twice. Each build is logged with its cost.
 */
export function fileShelf(log: Log): FileShelf {
  const built = new WeakMap<SiteData, Map<string, Uint8Array<ArrayBuffer>>>();
  const encoder = new TextEncoder();
  return (data, name, build) => {
    let files = built.get(data);
    if (!files) {
      files = new Map();
      built.set(data, files);
    }
    let file = files.get(name);
    if (file === undefined) {
      const started = performance.now();
      file = encoder.encode(build());
      files.set(name, file);
      log({
        severity: "INFO",
        message: "site.file_built",
        file: name,
        bytes: file.byteLength,
        ms: Math.round(performance.now() - started),
      });
    }
    return file;
  };
}
