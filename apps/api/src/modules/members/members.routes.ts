import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "@party/shared/schemas/common";
import { ActivationCodeEnvelope, CreateMemberBody, MemberEnvelope, MemberListEnvelope, MemberListQuery } from "@party/shared/schemas/members";
import { withTransaction } from "../../lib/context";
import { ValidationError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { unitPolicy } from "../org-units/org-units.policy";
import * as unitsRepo from "../org-units/org-units.repo";
import { createMember, issueActivationCode } from "./members.commands";
import { memberPolicy } from "./members.policy";
import { decodeCursor, encodeCursor, presentMember, presentMemberListItem } from "./members.presenter";
import * as membersRepo from "./members.repo";

const tags = ["members"];

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, env } = app.deps;

  app.get(
    "/units/:id/members",
    {
      config: { policy: unitPolicy.name },
      schema: {
        tags,
        summary: "Members of the unit's whole subtree, in Vietnamese name order; q ignores diacritics",
        params: IdParams,
        querystring: MemberListQuery,
        response: { 200: MemberListEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const unit = await unitsRepo.findById(db, req.params.id);
      authorize(unitPolicy, actor, "listMembers", unit);
      const after = req.query.cursor ? decodeCursor(req.query.cursor) : undefined;
      if (after === null) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
      const rows = await membersRepo.listInSubtree(db, unit.path, { ...req.query, after, limit: req.query.limit });
      return {
        data: rows.map(presentMemberListItem),
        nextCursor: rows.length === req.query.limit ? encodeCursor(rows[rows.length - 1]) : null,
      };
    },
  );

  app.get(
    "/members/:id",
    { config: { policy: memberPolicy.name }, schema: { tags, params: IdParams, response: { 200: MemberEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const member = await membersRepo.findById(db, req.params.id);
      authorize(memberPolicy, actor, "read", member);
      if (actor.memberId !== member.id) {
        // Every view of another member's record is audited (SECURITY.md, personal data).
        await withTransaction(app.deps, actor, metaOf(req), (ctx) =>
          recordEvent(ctx, { name: "members.profile_viewed", unitId: member.cellId, subjectType: "member", subjectId: member.id }),
        );
      }
      return { data: presentMember(member), abilities: memberPolicy.serialize(actor, member) };
    },
  );

  app.post(
    "/members",
    { config: { policy: unitPolicy.name }, schema: { tags, body: CreateMemberBody, response: { 201: MemberEnvelope } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const cell = await unitsRepo.findById(ctx.db, req.body.cellId);
        authorize(unitPolicy, actor, "addMember", cell);
        return createMember(ctx, cell, req.body);
      });
      const member = await membersRepo.findById(db, id);
      authorize(memberPolicy, actor, "read", member);
      return reply.status(201).send({ data: presentMember(member), abilities: memberPolicy.serialize(actor, member) });
    },
  );

  app.post(
    "/members/:id/activation-code",
    {
      config: { policy: memberPolicy.name },
      schema: {
        tags,
        summary: "Issue a one-time code for first activation or a password reset; earlier codes stop working",
        params: IdParams,
        response: { 201: ActivationCodeEnvelope },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const data = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const member = await membersRepo.findById(ctx.db, req.params.id);
        authorize(memberPolicy, actor, "issueActivation", member);
        return issueActivationCode(ctx, env, member);
      });
      return reply.status(201).send({ data });
    },
  );
};
