/** A change to a commitment that its current state does not allow; the message says why. */
export class CommitmentError extends Error {
  override name = "CommitmentError";
  constructor(
    message: string,
    /** "not-found" when the commitment does not exist; "conflict" when its state forbids the change. */
    readonly reason: "not-found" | "conflict" | "invalid" = "conflict",
  ) {
    super(message);
  }
}
