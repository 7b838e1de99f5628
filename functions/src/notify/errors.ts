import { z } from "zod";

/** A message that cannot be queued as asked; the text says which field and why. */
export class NotifyError extends Error {
  override name = "NotifyError";
}

/** Parses at the edge of the outbox, turning zod's issues into one readable NotifyError. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotifyError(`${what} refused:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
