// The console's contract with its callables: types only, so the console's bundle takes nothing
// from here (the handlers it names import firebase-admin and firebase-functions).
import type { z } from "zod";
import type { commitmentCallables } from "../commitment/callables.js";
import type { reviewCallables } from "../notify/callables.js";
import type { delegationCallables } from "../registration/delegations/callables.js";
import type { CommitteeHandler } from "./callable.js";
import type { consoleCallables } from "./console-callables.js";

/** A group of handlers under its deployed names (index.ts deploys a group `g` as `g-<name>`). */
type Deployed<Prefix extends string, Handlers> = {
  [Name in keyof Handlers & string as `${Prefix}${Name}`]: Handlers[Name] extends CommitteeHandler<
    infer Result,
    infer Payload
  >
    ? { request: z.input<Payload>; result: Result }
    : never;
};

/**
 * Every callable the console calls, by its deployed name, with the payload it takes (its zod
 * schema's input) and what it answers, read from the handlers themselves.
 */
export type ConsoleApi = Deployed<"committee-", ReturnType<typeof consoleCallables>> &
  Deployed<"commitments-", ReturnType<typeof commitmentCallables>> &
  Deployed<"", ReturnType<typeof reviewCallables>> &
  Deployed<"delegations-", ReturnType<typeof delegationCallables>>;

export type CallableName = keyof ConsoleApi;
export type RequestOf<N extends CallableName> = ConsoleApi[N]["request"];
export type ResultOf<N extends CallableName> = ConsoleApi[N]["result"];
