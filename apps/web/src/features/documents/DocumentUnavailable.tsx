import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import type { useDocument } from "./api";

/**
 * A document page (or its viewer) while the document is not there: loading, out of reach without a
 * saved copy (with the way to saved documents and Thử lại), or its error. `back` is the page's way back.
 */
export function DocumentUnavailable({ doc, unreachable, back }: { doc: ReturnType<typeof useDocument>; unreachable: boolean; back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {back}
      <PageHeader title={t("documents.page.title")} />
      {doc.isPending && !unreachable && <Spinner />}
      {unreachable ? (
        <Alert
          tone="warning"
          action={
            <Button variant="secondary" onClick={() => void doc.refetch()}>
              {t("common.retry")}
            </Button>
          }
        >
          {t("documents.saved.notSavedOffline")} <Link to="/documents/saved">{t("documents.saved.listLink")}</Link>
        </Alert>
      ) : (
        doc.isError && <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />
      )}
    </>
  );
}
