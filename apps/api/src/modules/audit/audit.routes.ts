import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditListEnvelope, AuditListQuery } from "@party/shared/schemas/audit";
import type { AuditEntryDto } from "@party/shared/schemas/audit";
import { subtreesWith } from "../../lib/actor";
import { ForbiddenError } from "../../lib/errors";
import { actorOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { unitPolicy } from "../org-units/org-units.policy";
import * as unitsRepo from "../org-units/org-units.repo";
import * as auditRepo from "./audit.repo";
import type { AuditRow } from "./audit.repo";

const present = (e: AuditRow): AuditEntryDto => ({
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  name: e.name,
  result: e.result as AuditEntryDto["result"],
  actor: e.actorId ? { id: e.actorId, displayName: e.actorName ?? "" } : null,
  unit: e.unitId ? { id: e.unitId, name: e.unitName ?? "" } : null,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  ip: e.ip,
  data: e.data,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/audit",
    {
      config: { policy: unitPolicy.name },
      schema: {
        tags: ["audit"],
        summary: "Audit entries of the subtrees the actor administers (or of one unit in them), newest first",
        querystring: AuditListQuery,
        response: { 200: AuditListEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let subtrees = subtreesWith(actor, "unit_admin");
      if (subtrees.length === 0) throw new ForbiddenError("Only unit admins read the audit trail");
      if (req.query.unitId) {
        const unit = await unitsRepo.findById(db, req.query.unitId);
        authorize(unitPolicy, actor, "viewAudit", unit);
        subtrees = [unit.path];
      }
      // Events tied to no unit (failed logins of unknown identifiers) belong to the top admins only.
      const includeUnscoped = !req.query.unitId && subtrees.some((p) => !p.includes("."));
      const rows = await auditRepo.listInSubtrees(db, { subtrees, includeUnscoped }, { ...req.query, limit: req.query.limit });
      return { data: rows.map(present), nextBefore: rows.length === req.query.limit ? rows[rows.length - 1].id : null };
    },
  );
};
