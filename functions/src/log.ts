import { type LogEntry, write } from "firebase-functions/logger";

export type { LogEntry };

/**
 * Where structured log entries go: one JSON object each, which Cloud Logging indexes by field.
 * Domain code takes one as a dependency, so tests can read what was logged.
 */
export type Log = (entry: LogEntry) => void;

/** Cloud Logging through the Firebase logger (stdout/stderr as JSON). */
export const cloudLog: Log = write;
