import type { Country, Event, Institution, PublicDocument, Topic } from "../model/index.js";
import type { PublicSnapshot } from "../views/public-snapshot.js";
import { deriveLibrary, type LibraryIndex } from "./search/library-index.js";
import { buildSearchIndex, type SearchIndex } from "./search/search-index.js";

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
  /** Planned events, soonest first (undated last). */
  upcomingEvents: Event[];
  /** Held events, most recent first (undated last). */
  pastEvents: Event[];
  /** Published documents, newest first. */
  latestDocuments: PublicDocument[];
  /** The library's order and filter values (cursor paging). */
  library: LibraryIndex;
  /** The full-text index of documents and events behind the search page, built on first use. */
  readonly search: SearchIndex;
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
const newestFirst = (a?: string, b?: string) => (b ?? "").localeCompare(a ?? "");

export function deriveSiteData(snapshot: PublicSnapshot): SiteData {
  let search: SearchIndex | undefined;
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
    upcomingEvents,
    pastEvents,
    latestDocuments,
    library: deriveLibrary(snapshot.documents),
    // Built on first use, once per view version: pages other than search never wait for it.
    get search() {
      search ??= buildSearchIndex(snapshot.documents, snapshot.events);
      return search;
    },
  };
}
