import type { Country, Event, Institution, PublicDocument, PublicParticipant, Topic } from "../model/index.js";
import type { PublicSnapshot } from "../views/public-snapshot.js";
import type { StoredView } from "../views/view-reader.js";
import type { SearchEngine } from "./search/engine.js";
import { deriveLibrary, type LibraryIndex } from "./search/library-index.js";
import { buildSearchIndex } from "./search/search-index.js";

/**
 * The public view with the lookups and orderings pages need, computed once per view version
 * so that rendering a page is only formatting.
 */
export interface SiteData {
  snapshot: PublicSnapshot;
  countries: Map<string, Country>;
  institutions: Map<string, Institution>;
  events: Map<string, Event>;
  documents: Map<string, PublicDocument>;
  topics: Map<string, Topic>;
  /** Each event's public participant list (people who consented), by event id. */
  participants: Map<string, PublicParticipant[]>;
  /** Planned events, soonest first (undated last). */
  upcomingEvents: Event[];
  /** Held events, most recent first (undated last). */
  pastEvents: Event[];
  /** Published documents, newest first. */
  latestDocuments: PublicDocument[];
  /** The library's order and filter values (cursor paging). */
  library: LibraryIndex;
  /** The full-text index of documents and events behind the search page. */
  search: SearchEngine;
  /**
   * `/data/public.json` gzip-compressed as the view was stored, when the stored view is the export
   * as it is: served without encoding or compressing anything (40 MB of JSON at 10,000 documents
   * is 2.5 MB of gzip, and Cloud Functions refuse responses over 32 MiB).
   */
  publicJsonGzip?: Uint8Array<ArrayBuffer>;
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
const byEvent = (people: PublicParticipant[]) => {
  const lists = new Map<string, PublicParticipant[]>();
  for (const person of people) lists.set(person.eventId, [...(lists.get(person.eventId) ?? []), person]);
  return lists;
};
const newestFirst = (a?: string, b?: string) => (b ?? "").localeCompare(a ?? "");

export function deriveSiteData(snapshot: PublicSnapshot, stored: StoredView = {}): SiteData {
  const upcomingEvents = snapshot.events
    .filter((e) => e.status === "planned")
    .sort((a, b) => (a.start ?? "\uffff").localeCompare(b.start ?? "\uffff") || a.id.localeCompare(b.id));
  const pastEvents = snapshot.events
    .filter((e) => e.status !== "planned")
    .sort((a, b) => newestFirst(a.start, b.start) || a.id.localeCompare(b.id));
  const latestDocuments = [...snapshot.documents].sort(
    (a, b) => newestFirst(a.publishedOn, b.publishedOn) || a.id.localeCompare(b.id),
  );
  return {
    snapshot,
    countries: byId(snapshot.countries),
    institutions: byId(snapshot.institutions),
    events: byId(snapshot.events),
    documents: byId(snapshot.documents),
    topics: byId(snapshot.topics),
    participants: byEvent(snapshot.participants ?? []),
    upcomingEvents,
    pastEvents,
    latestDocuments,
    library: deriveLibrary(snapshot.documents),
    // Built with the view, once per version, so that no visitor's search waits for it.
    search: buildSearchIndex(snapshot.documents, snapshot.events),
    publicJsonGzip: stored.gzipJson,
  };
}
