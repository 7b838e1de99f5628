/** @jsxImportSource preact */
import { CommitmentScreen } from "./commitment.js";
import { OutboxScreen } from "./outbox.js";
import { PeopleScreen } from "./people.js";
import { SeatsScreen } from "./seats.js";

/** The routes of the secretariat's screens, one chunk loaded when first opened. */
export const ADMIN_PATHS = ["/people", "/seats", "/hosting", "/outbox"] as const;

export function AdminScreen(props: { path: string }) {
  if (props.path === "/people") return <PeopleScreen />;
  if (props.path === "/seats") return <SeatsScreen />;
  if (props.path === "/hosting") return <CommitmentScreen />;
  return <OutboxScreen />;
}
