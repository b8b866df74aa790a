import { z } from "zod";
import { ErrorCode } from "../enums";
import { Limits } from "../limits";

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() }).strict();

/** What the current user may do with one record; the PWA shows or hides buttons from this. */
export const Abilities = z.record(z.string(), z.boolean());

/** Every error the API sends: `{ error: { code, message, details } }`. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** Free text search box: trimmed, bounded, may be empty. */
export const SearchText = z.string().trim().max(Limits.searchMax);

export const PageLimit = z.coerce.number().int().min(1).max(Limits.pageSizeMax).default(Limits.pageSizeDefault);

/** Calendar date as sent over the wire: yyyy-mm-dd. There is no year 0000 (PostgreSQL refuses it). */
export const IsoDate = z.iso.date().refine((d) => !d.startsWith("0000"), "Invalid ISO date");

export const OkEnvelope = z.object({ ok: z.literal(true) });
