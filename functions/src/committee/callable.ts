import { HttpsError } from "firebase-functions/v2/https";
import type { z } from "zod";
import { ACCOUNTS_COLLECTION, COLLECTIONS, type Lang, LangSchema, TimeZoneSchema } from "../model/index.js";
import { currentClaims } from "./accounts/claims.js";
import type { CommitteeDeps } from "./deps.js";
import { assertAllowed, CommitteeError, type Reader, refusalText } from "./errors.js";
import { type Actor, type ConsoleAction, decide } from "./permissions.js";

/** What a callable handler reads of its request (firebase-functions' CallableRequest fits it). */
export interface CommitteeRequest {
  auth?: { uid: string; token: Record<string, unknown> };
  data: unknown;
}

/**
 * A callable's handler, carrying the schema of the payload it takes: the console's typed client
 * (api.ts) reads each callable's request type from it.
 */
export type CommitteeHandler<R, S extends z.ZodType = z.ZodType> = ((request: CommitteeRequest) => Promise<R>) & {
  readonly payload: S;
};

/**
 * A console callable (`committee-*`, `commitments-*`, the outbox review): the guard clauses
 * every one opens with, then `run`. The Admin SDK bypasses the security rules, so these guards
 * are the only gate: signed in, linked to a person, a role the permission table lets attempt the
 * action, then the payload against its zod schema. The person and role are read from the
 * account and its country's seat on every call, not from the token's claims: a token keeps the
 * claims it was issued with for up to an hour, and a demoted person or a country that lost its
 * seat must be refused from the next call (two reads per call buy that). Country scope and state
 * are checked by `run` against the stored record, inside its transaction. Domain errors become
 * `HttpsError`s in the caller's language (the payload's `lang`, else the account's).
 */
export function committeeCallable<S extends z.ZodType, R>(
  deps: () => CommitteeDeps,
  /** The action, or the actions of each kind a callable serves (a role that may do any passes). */
  action: ConsoleAction | readonly ConsoleAction[],
  payload: S,
  run: (deps: CommitteeDeps, actor: Actor, input: z.infer<S>) => Promise<R>,
): CommitteeHandler<R, S> {
  const handler = (request: CommitteeRequest) =>
    translated(deps(), request, async (context) => {
      const auth = signedIn(request);
      const { claims } = await currentClaims(context.db, auth.uid);
      if (!claims) throw new CommitteeError("permission-denied", "console.error.noPerson");
      const actor: Actor = { ...claims, uid: auth.uid };
      const actions: readonly ConsoleAction[] = typeof action === "string" ? [action] : action;
      const [first] = actions;
      if (!first) throw new Error("A console callable names the action it performs.");
      if (!actions.some((a) => decide(actor, a).allowed)) assertAllowed(actor, first);
      return run(context, actor, parsed(payload, request.data));
    });
  return Object.assign(handler, { payload });
}

/** The signed-in person as their token says, whether or not an account links them to a person yet. */
export interface SignedIn {
  uid: string;
  email?: string;
  /** Whether the token says the email was proved (a link sent to it was opened). */
  emailVerified: boolean;
}

/**
 * A callable for any signed-in account, even one no person claims yet (accepting an invitation is
 * how an account gets its person): signed in, then the payload.
 */
export function signedInCallable<S extends z.ZodType, R>(
  deps: () => CommitteeDeps,
  payload: S,
  run: (deps: CommitteeDeps, caller: SignedIn, input: z.infer<S>) => Promise<R>,
): CommitteeHandler<R, S> {
  const handler = (request: CommitteeRequest) =>
    translated(deps(), request, async (context) => {
      const auth = signedIn(request);
      const email = typeof auth.token.email === "string" ? auth.token.email : undefined;
      const emailVerified = auth.token.email_verified === true;
      return run(context, { uid: auth.uid, email, emailVerified }, parsed(payload, request.data));
    });
  return Object.assign(handler, { payload });
}

function signedIn(request: CommitteeRequest): NonNullable<CommitteeRequest["auth"]> {
  if (!request.auth) throw new CommitteeError("unauthenticated", "console.error.unauthenticated");
  return request.auth;
}

/** The payload checked against its schema; every bad field is named with its path. */
function parsed<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const input = schema.safeParse(data);
  if (input.success) return input.data;
  const fields = input.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(payload)",
    message: issue.message,
  }));
  throw new CommitteeError(
    "invalid-argument",
    "console.error.invalid",
    { fields: [...new Set(fields.map((f) => f.path))].join(", ") },
    { fields },
  );
}

/**
 * Runs `body`, turning a domain error into an `HttpsError` in the caller's language: the one
 * place an `HttpsError` is made, so every refusal a person sees comes from the catalogue.
 */
async function translated<R>(
  context: CommitteeDeps,
  request: CommitteeRequest,
  body: (context: CommitteeDeps) => Promise<R>,
): Promise<R> {
  try {
    return await body(context);
  } catch (error) {
    if (!(error instanceof CommitteeError)) throw error;
    const text = refusalText(error, await readerOf(context, request, error));
    throw new HttpsError(error.code, text, { key: error.key, ...error.details });
  }
}

/**
 * Who reads a refusal: the payload's language (the console's), else the account's; and, for a
 * refusal that names a moment, the person's own time zone (their member record's, as the console
 * writes every time), else UTC. Only needed for an error, so the records are read only then.
 */
async function readerOf(deps: CommitteeDeps, request: CommitteeRequest, error: CommitteeError): Promise<Reader> {
  const fromPayload = LangSchema.safeParse((request.data as { lang?: unknown } | null)?.lang);
  const namesMoment = Object.values(error.params).some((param) => typeof param === "object" && "moment" in param);
  if (!request.auth || (fromPayload.success && !namesMoment)) {
    return { lang: fromPayload.success ? fromPayload.data : "es", timeZone: "UTC" };
  }
  const account = await deps.db.collection(ACCOUNTS_COLLECTION).doc(request.auth.uid).get();
  const fromAccount = LangSchema.safeParse(account.get("lang"));
  const lang: Lang = fromPayload.success ? fromPayload.data : fromAccount.success ? fromAccount.data : "es";
  const memberId = account.get("memberId");
  const member =
    namesMoment && typeof memberId === "string" && memberId
      ? await deps.db.collection(COLLECTIONS.members.path).doc(memberId).get()
      : undefined;
  const zone = TimeZoneSchema.safeParse(member?.get("timeZone"));
  return { lang, timeZone: zone.success ? zone.data : "UTC" };
}
