import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { AppLayout } from "../../app/AppLayout";
import { RequireAuth } from "../../app/guards";
import { mfaPath, useSession } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { PageHeader } from "../../components/PageHeader";
import { isUuid } from "./labels";
import { OfflineReaderContext, forgetReader, isUnreachable, rememberReader, rememberedReader } from "./offlineReader";
import { deleteAllSaved, deleteSavedExcept } from "./savedStore";

/** The pages that work from the device alone: the saved list and an article (its saved copy). */
function readableOffline(pathname: string): boolean {
  if (pathname === "/news/saved") return true;
  const m = /^\/news\/([^/]+)\/?$/.exec(pathname);
  return m !== null && isUuid(m[1]);
}

/**
 * Keeps the device's saved articles to the account signed in: a confirmed session remembers its
 * account (for reading offline) and drops what other accounts left; a confirmed "nobody signed in"
 * drops everything. A session that cannot be checked (no network) changes nothing.
 */
function useSavedArticlesFollowSession() {
  const { session, isPending, error } = useSession();
  const accountId = session && !mfaPath(session) ? session.account.id : null;
  const signedOut = !isPending && !error && session === null;
  const pruned = useRef<string | null>(null);
  useEffect(() => {
    if (accountId) {
      rememberReader(accountId);
      if (pruned.current !== accountId) {
        pruned.current = accountId;
        void deleteSavedExcept(accountId).catch(() => undefined);
      }
    } else if (signedOut) {
      pruned.current = null;
      forgetReader();
      void deleteAllSaved().catch(() => undefined);
    }
  }, [accountId, signedOut]);
}

/** Anywhere else while offline without a session: what works, and a way to try again. */
function OfflineElsewhere({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("news.saved.offlineTitle")} />
      <Alert
        tone="warning"
        action={
          <Button variant="secondary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        }
      >
        {t("news.saved.offlineElsewhere")}
      </Alert>
      <p>
        <Link to="/news/saved" className="btn btn-primary">
          {t("news.saved.openList")}
        </Link>
      </p>
    </>
  );
}

/**
 * The logged-in area's guard (RequireAuth), which also opens the app without network: when the
 * session cannot be checked because the server is out of reach and this device remembers a
 * signed-in account, that account's saved articles (/news/saved, /news/:id) are readable, and
 * every other page says it needs the network. The session is checked again when the network returns.
 */
export function RequireAuthOrOfflineReading() {
  const state = useSession();
  const { pathname } = useLocation();
  useSavedArticlesFollowSession();
  const reader = rememberedReader();
  // Without network the session check fails only after its retries; navigator.onLine says so at once.
  const offline = !state.session && reader !== null && (isUnreachable(state.error) || (state.isPending && !navigator.onLine));
  const { refetch } = state;

  useEffect(() => {
    if (!offline) return;
    window.addEventListener("online", refetch);
    return () => window.removeEventListener("online", refetch);
  }, [offline, refetch]);

  if (!offline) return <RequireAuth />;
  return (
    <OfflineReaderContext.Provider value={reader}>
      {readableOffline(pathname) ? (
        <Outlet />
      ) : (
        <AppLayout>
          <OfflineElsewhere onRetry={refetch} />
        </AppLayout>
      )}
    </OfflineReaderContext.Provider>
  );
}
