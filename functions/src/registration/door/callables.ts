import { committeeCallable } from "../../committee/callable.js";
import type { CommitteeDeps } from "../../committee/deps.js";
import { CheckInPayloadSchema, checkIn, DoorListPayloadSchema, doorList } from "./attendance.js";
import {
  CountFiguresPayloadSchema,
  countFigures,
  PublishFiguresPayloadSchema,
  publishFigures,
  readFigures,
} from "./figures.js";

/**
 * The console's callables at the door and after (deployed as committee-door<Name>): the
 * registrations stay closed to every client, so the check-in screen reads and writes through these.
 */
export function doorCallables(deps: () => CommitteeDeps) {
  return {
    doorList: committeeCallable(deps, "door.checkIn", DoorListPayloadSchema, doorList),
    doorCheckIn: committeeCallable(deps, "door.checkIn", CheckInPayloadSchema, checkIn),
    doorFigures: committeeCallable(deps, "figures.count", CountFiguresPayloadSchema, readFigures),
    doorCountFigures: committeeCallable(deps, "figures.count", CountFiguresPayloadSchema, countFigures),
    doorPublishFigures: committeeCallable(deps, "figures.publish", PublishFiguresPayloadSchema, publishFigures),
  };
}
