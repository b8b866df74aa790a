import { createHash, randomInt } from "node:crypto";

/** Eight digits, easy to read out over the phone to an elderly member; only the hash is stored. */
export function generateActivationCode(): string {
  return Array.from({ length: 8 }, () => randomInt(10)).join("");
}

/** Codes are compared by hash; spaces and dashes the member typed are ignored. */
export const hashActivationCode = (code: string): string =>
  createHash("sha256").update(code.replace(/[\s-]/g, "").toUpperCase()).digest("hex");
