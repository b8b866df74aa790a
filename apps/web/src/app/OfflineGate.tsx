import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { Alert } from "../components/Alert";
import { Button } from "../components/Button";
import { PageHeader } from "../components/PageHeader";
import { savedDocuments } from "../features/documents/savedStore";
import { isUuid } from "../features/news/labels";
import { deleteAllSaved, deleteSavedExcept } from "../features/news/savedStore";
import { AppLayout } from "./AppLayout";
import { RequireAuth } from "./guards";
import { OfflineReaderContext, forgetReader, isUnreachable, rememberReader, rememberedReader } from "./offlineReader";
import { mfaPath, useSession } from "./session";

/**
 * The pages that work from the device alone: the lists of saved articles and documents, an article
 * or a document (its saved copy), and a document's file in the viewer.
 */
function readableOffline(pathname: string): boolean {
  if (pathname === "/news/saved" || pathname === "/documents/saved") return true;
  const article = /^\/news\/([^/]+)\/?$/.exec(pathname);
  if (article !== null && isUuid(article[1])) return true;
  const document = /^\/documents\/([^/]+)(\/files\/\d{1,2})?\/?$/.exec(pathname);
  return document !== null && isUuid(document[1]);
}

/**
 * Keeps the device's saved articles and documents to the account signed in: a confirmed session
 * remembers its account (for reading offline) and drops what other accounts left; a confirmed
 * "nobody signed in" drops everything. A session that cannot be checked (no network) changes nothing.
 */
function useSavedContentFollowsSession() {
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
        void savedDocuments.removeExcept(accountId).catch(() => undefined);
      }
    } else if (signedOut) {
      pruned.current = null;
      forgetReader();
      void deleteAllSaved().catch(() => undefined);
      void savedDocuments.removeAll().catch(() => undefined);
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
      <p className="button-row">
        <Link to="/news/saved" className="btn btn-primary">
          {t("news.saved.openList")}
        </Link>
        <Link to="/documents/saved" className="btn btn-secondary">
          {t("documents.saved.openList")}
        </Link>
      </p>
    </>
  );
}

/**
 * The logged-in area's guard (RequireAuth), which also opens the app without network: when the
 * session cannot be checked because the server is out of reach and this device remembers a
 * signed-in account, that account's saved articles (/news/saved, /news/:id) and documents
 * (/documents/saved, /documents/:id, /documents/:id/files/:position) are readable, and
 * every other page says it needs the network. The session is checked again when the network returns.
 */
export function RequireAuthOrOfflineReading() {
  const state = useSession();
  const { pathname } = useLocation();
  useSavedContentFollowsSession();
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
