import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ActivateBody,
  ChangePasswordBody,
  LoginBody,
  PreferencesBody,
  SessionEnvelope,
  TotpCodeBody,
  TotpSetupEnvelope,
} from "@party/shared/schemas/auth";
import { OkEnvelope } from "@party/shared/schemas/common";
import { withTransaction } from "../../lib/context";
import { UnauthenticatedError } from "../../lib/errors";
import { actorOf, metaOf } from "../../lib/http";
import { endStreams } from "../../lib/live";
import { clearSessionCookie, setSessionCookie } from "../../lib/session";
import * as accountsRepo from "./accounts.repo";
import { activateAccount, changePassword, logIn, logOut, setUpTotp, verifyTotp } from "./auth.commands";
import { presentSession } from "./auth.presenter";

const tags = ["auth"];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const { db, env } = deps;

  app.post(
    "/auth/login",
    { config: { policy: "public" }, schema: { tags, body: LoginBody, response: { 200: SessionEnvelope } } },
    async (req, reply) => {
      const { token, session } = await logIn(deps, req.body, metaOf(req));
      setSessionCookie(reply, env, token, session.absoluteExpiresAt);
      return { data: await presentSession(db, session) };
    },
  );

  app.post(
    "/auth/activate",
    { config: { policy: "public" }, schema: { tags, body: ActivateBody, response: { 200: SessionEnvelope } } },
    async (req, reply) => {
      const { token, session, revokedSessionIds } = await activateAccount(deps, req.body, metaOf(req));
      await endStreams(deps.live, session.accountId, revokedSessionIds);
      setSessionCookie(reply, env, token, session.absoluteExpiresAt);
      return { data: await presentSession(db, session) };
    },
  );

  app.get(
    "/auth/session",
    { config: { policy: "session", allowMfaPending: true }, schema: { tags, response: { 200: SessionEnvelope } } },
    async (req) => {
      if (!req.session) throw new UnauthenticatedError();
      return { data: await presentSession(db, req.session) };
    },
  );

  app.post(
    "/auth/logout",
    { config: { policy: "session", allowMfaPending: true }, schema: { tags, response: { 200: OkEnvelope } } },
    async (req, reply) => {
      if (req.session) {
        await logOut(deps, req.session, metaOf(req));
        await endStreams(deps.live, req.session.accountId, [req.session.id]);
      }
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password",
    { config: { policy: "session" }, schema: { tags, body: ChangePasswordBody, response: { 200: OkEnvelope } } },
    async (req) => {
      const session = req.session;
      if (!session) throw new UnauthenticatedError();
      const revoked = await withTransaction(app.deps, actorOf(req), metaOf(req), (ctx) => changePassword(ctx, session, req.body));
      await endStreams(deps.live, session.accountId, revoked);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/totp/setup",
    { config: { policy: "session", allowMfaPending: true }, schema: { tags, response: { 200: TotpSetupEnvelope } } },
    async (req) => {
      if (!req.session) throw new UnauthenticatedError();
      return { data: await setUpTotp(deps, req.session) };
    },
  );

  app.post(
    "/auth/totp/verify",
    { config: { policy: "session", allowMfaPending: true }, schema: { tags, body: TotpCodeBody, response: { 200: SessionEnvelope } } },
    async (req) => {
      if (!req.session) throw new UnauthenticatedError();
      const session = await verifyTotp(deps, req.session, req.body.code, metaOf(req));
      return { data: await presentSession(db, session) };
    },
  );

  app.patch(
    "/auth/preferences",
    { config: { policy: "session", allowMfaPending: true }, schema: { tags, body: PreferencesBody, response: { 200: SessionEnvelope } } },
    async (req) => {
      if (!req.session) throw new UnauthenticatedError();
      await accountsRepo.updatePreferences(db, req.session.accountId, req.body);
      return { data: await presentSession(db, req.session) };
    },
  );
};
