import { z } from "zod";
import { AccountStatus, MemberStatus, Sex } from "../enums";
import { Limits } from "../limits";
import { Abilities, IsoDate, PageLimit, SearchText } from "./common";

const Name = z.string().trim().min(2).max(Limits.nameMax);
const Phone = z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, "phone");
const CardNumber = z.string().trim().regex(/^[0-9]{6,12}$/, "partyCardNumber");

/** One row of a members list: what a secretary or admin needs to scan a list, sensitive fields masked. */
export const MemberListItem = z.object({
  id: z.uuid(),
  fullName: z.string(),
  sex: Sex,
  birthYear: z.number().int().nullable(),
  status: MemberStatus,
  cell: z.object({ id: z.uuid(), name: z.string() }),
  phoneMasked: z.string().nullable(),
  account: z.object({ status: AccountStatus, activatedAt: z.iso.datetime().nullable() }).nullable(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberListQuery = z
  .object({
    q: SearchText.optional(),
    status: MemberStatus.optional(),
    /** Opaque keyset cursor from `nextCursor`. */
    cursor: z.string().max(600).optional(),
    limit: PageLimit,
  })
  .strict();
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const MemberListEnvelope = z.object({
  data: z.array(MemberListItem),
  nextCursor: z.string().nullable(),
});

/** A member's core record, as shown to themselves and to the staff who manage them. */
export const MemberDto = z.object({
  id: z.uuid(),
  fullName: z.string(),
  sex: Sex,
  dateOfBirth: IsoDate.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  partyCardNumber: z.string().nullable(),
  admittedOn: IsoDate.nullable(),
  fullMemberOn: IsoDate.nullable(),
  status: MemberStatus,
  cell: z.object({ id: z.uuid(), name: z.string() }),
  account: z.object({ id: z.uuid(), status: AccountStatus, activatedAt: z.iso.datetime().nullable() }).nullable(),
});
export type MemberDto = z.infer<typeof MemberDto>;
export const MemberEnvelope = z.object({ data: MemberDto, abilities: Abilities });

export const CreateMemberBody = z
  .object({
    cellId: z.uuid(),
    fullName: Name,
    sex: Sex,
    dateOfBirth: IsoDate.optional(),
    phone: Phone.optional(),
    email: z.email().max(Limits.identifierMax).optional(),
    partyCardNumber: CardNumber.optional(),
    admittedOn: IsoDate.optional(),
    fullMemberOn: IsoDate.optional(),
    status: z.enum(["full", "probationary", "exempt"]).default("probationary"),
  })
  .strict();
export type CreateMemberBody = z.infer<typeof CreateMemberBody>;

export const ActivationCodeDto = z.object({
  accountId: z.uuid(),
  /** Shown once to the person who issued it; only its hash is stored. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
});
export const ActivationCodeEnvelope = z.object({ data: ActivationCodeDto });
