/** What a login identifier may be, normalised the way account_identifiers stores it. */
export type IdentifierCandidate = { kind: "phone" | "card" | "email"; value: string };

export const normalizeEmail = (email: string): string => email.normalize("NFC").trim().toLowerCase();

/** Vietnamese phone numbers: digits only, +84/84 prefix turned into the leading 0. */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits.replace(/\D/g, "");
}

/** An identifier typed at login can be a phone number, a party card number or an e-mail. */
export function identifierCandidates(input: string): IdentifierCandidate[] {
  const trimmed = input.normalize("NFC").trim();
  if (trimmed.includes("@")) return [{ kind: "email", value: normalizeEmail(trimmed) }];
  const candidates: IdentifierCandidate[] = [];
  const phone = normalizePhone(trimmed);
  if (/^0\d{8,10}$/.test(phone)) candidates.push({ kind: "phone", value: phone });
  const card = trimmed.replace(/[\s.-]/g, "");
  if (/^\d{6,12}$/.test(card)) candidates.push({ kind: "card", value: card });
  return candidates;
}

/** For audit data: enough to recognise an identifier, not enough to reuse it. */
export function maskIdentifier(input: string): string {
  const t = input.trim();
  if (t.length <= 4) return "***";
  return `${t.slice(0, 2)}***${t.slice(-2)}`;
}
