import type { Callers } from "./console-callers.js";
import { emulatorHost } from "./emulator-suite.js";

type Caller = Parameters<Callers["idToken"]>[0];
export type RestFilter = { field: string; op: "EQUAL" | "IN"; value: string | string[] };

const firestoreValue = (value: string | string[]) =>
  Array.isArray(value) ? { arrayValue: { values: value.map((v) => ({ stringValue: v })) } } : { stringValue: value };

/**
 * Firestore over its REST API, as any client with a real login could read it: a test's demo
 * callers' ID tokens (or none, for anonymous) against a project of the emulator.
 */
export function firestoreRest(projectId: string, callers: Callers) {
  const documentsUrl = () =>
    `http://${emulatorHost("FIRESTORE_EMULATOR_HOST")}/v1/projects/${projectId}/databases/(default)/documents`;
  const bearer = (caller: Caller): Record<string, string> => {
    const token = callers.idToken(caller);
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  return {
    /** One document: the status, and the body as text. */
    async get(caller: Caller, path: string) {
      const response = await fetch(`${documentsUrl()}/${path}`, { headers: bearer(caller) });
      return { status: response.status, body: await response.text() };
    },
    /**
     * A list query as the SDKs send it (runQuery), of a collection or of a subcollection under
     * `parent`: the status, the documents' fields as JSON text, and their ids.
     */
    async list(caller: Caller, collectionId: string, filter?: RestFilter, orderByAt = false, parent = "") {
      const structuredQuery = {
        from: [{ collectionId }],
        ...(filter
          ? {
              where: {
                fieldFilter: { field: { fieldPath: filter.field }, op: filter.op, value: firestoreValue(filter.value) },
              },
            }
          : {}),
        ...(orderByAt ? { orderBy: [{ field: { fieldPath: "at" }, direction: "DESCENDING" }], limit: 500 } : {}),
      };
      const response = await fetch(`${documentsUrl()}${parent ? `/${parent}` : ""}:runQuery`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(caller) },
        body: JSON.stringify({ structuredQuery }),
      });
      const body = await response.text();
      const docs = response.ok
        ? (JSON.parse(body) as { document?: { name: string } }[]).flatMap((r) => (r.document ? [r.document] : []))
        : [];
      return { status: response.status, body, names: docs.map((d) => d.name.split("/").pop() ?? "") };
    },
  };
}
