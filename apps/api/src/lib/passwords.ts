import argon2 from "argon2";
import { Limits, isCommonPassword } from "@party/shared";
import { ValidationError } from "./errors";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 50 ms per check on one core of the
// 2-core bench machine, so it serves 20-30 logins a second (bench/README.md), enough for a city's
// morning peak; stronger settings would need more cores.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password.normalize("NFC"), OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps timing the same for
// unknown and known usernames.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

/** Length and common-password rules (ASVS V6); no composition rules. */
export function assertAcceptablePassword(password: string, field = "password"): void {
  const length = [...password.normalize("NFC")].length;
  if (length < Limits.passwordMin) throw new ValidationError("Password too short", { [field]: "too_short" });
  if (isCommonPassword(password)) throw new ValidationError("Password too common", { [field]: "too_common" });
}
