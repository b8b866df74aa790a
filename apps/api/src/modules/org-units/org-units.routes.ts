import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "@party/shared/schemas/common";
import { UnitChildrenQuery, UnitEnvelope, UnitListEnvelope, UnitSearchQuery } from "@party/shared/schemas/org-units";
import { type Actor, covers } from "../../lib/actor";
import { actorOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { unitPolicy, unitSearchScope } from "./org-units.policy";
import { presentUnit } from "./org-units.presenter";
import * as unitsRepo from "./org-units.repo";
import type { UnitRow } from "./org-units.repo";

const tags = ["org-units"];
const config = { policy: unitPolicy.name };

const listEnvelope = (actor: Actor, units: UnitRow[]) => ({
  data: units.map(presentUnit),
  abilities: Object.fromEntries(units.map((u) => [u.id, unitPolicy.serialize(actor, u)])),
});

export const orgUnitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/units",
    {
      config,
      schema: { tags, summary: "Top units of the actor: where they hold roles, else their own cell", response: { 200: UnitListEnvelope } },
    },
    async (req) => {
      const actor = actorOf(req);
      const tops = actor.grants.filter((g) => !actor.grants.some((o) => o.path !== g.path && covers(o.path, g.path)));
      const ids = tops.map((g) => g.unitId);
      const cell = actor.cell;
      if (cell && !actor.grants.some((g) => covers(g.path, cell.path))) ids.push(cell.id);
      return listEnvelope(actor, await unitsRepo.findByIds(db, [...new Set(ids)]));
    },
  );

  app.get(
    "/units/search",
    { config, schema: { tags, querystring: UnitSearchQuery, response: { 200: UnitListEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      return listEnvelope(actor, await unitsRepo.search(db, req.query.q, unitSearchScope(actor), req.query.limit));
    },
  );

  app.get("/units/:id", { config, schema: { tags, params: IdParams, response: { 200: UnitEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    const unit = await unitsRepo.findById(db, req.params.id);
    authorize(unitPolicy, actor, "read", unit);
    return { data: presentUnit(unit), abilities: unitPolicy.serialize(actor, unit) };
  });

  app.get(
    "/units/:id/children",
    { config, schema: { tags, params: IdParams, querystring: UnitChildrenQuery, response: { 200: UnitListEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const unit = await unitsRepo.findById(db, req.params.id);
      authorize(unitPolicy, actor, "browse", unit);
      return listEnvelope(actor, await unitsRepo.children(db, unit.id, req.query.includeClosed === "true"));
    },
  );

  app.get(
    "/units/:id/ancestors",
    { config, schema: { tags, summary: "The unit and every unit above it, top first", params: IdParams, response: { 200: UnitListEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const unit = await unitsRepo.findById(db, req.params.id);
      authorize(unitPolicy, actor, "read", unit);
      return listEnvelope(actor, await unitsRepo.ancestors(db, unit.path));
    },
  );
};
