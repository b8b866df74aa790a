import type { Migration } from "kysely";
import * as m202611271800 from "./202611271800_create_foundation";
import * as m202611271900 from "./202611271900_create_notifications";

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const migrations: Record<string, Migration> = {
  "202611271800_create_foundation": m202611271800,
  "202611271900_create_notifications": m202611271900,
};
