import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { migrations } from "./index";

const folder = path.dirname(fileURLToPath(import.meta.url));
const MIGRATION_FILE = /^\d{12}_.+\.ts$/;

const files = fs
  .readdirSync(folder)
  .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith(".test.ts") && f !== "index.ts")
  .sort();

describe("the migrations index", () => {
  it("finds migration files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("lists every migration file of the folder, in order", () => {
    expect(Object.keys(migrations)).toEqual(files.map((f) => f.replace(/\.ts$/, "")));
  });

  it("names every file YYYYMMDDHHMM_verb_object", () => {
    for (const f of files) expect(f).toMatch(/^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d_[a-z0-9]+(_[a-z0-9]+)+\.ts$/);
  });

  it("has an up() in every listed migration", () => {
    for (const [name, migration] of Object.entries(migrations)) expect(typeof migration.up, name).toBe("function");
  });

  it("leaves no stray TypeScript file in the folder", () => {
    const others = fs.readdirSync(folder).filter((f) => f.endsWith(".ts") && !MIGRATION_FILE.test(f) && f !== "index.ts" && f !== "index.test.ts");
    expect(others).toEqual([]);
  });
});
