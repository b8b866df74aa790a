import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { PageHeader } from "../../components/PageHeader";
import { type DocumentDto, isNotFound, useDocument } from "../documents/api";
import { BackToLibrary } from "../documents/BackToLibrary";
import { DocumentUnavailable } from "../documents/DocumentUnavailable";
import { documentName } from "../documents/labels";
import { isUuid } from "../news/labels";

/** Not there for this actor: unknown, unreadable, or not a draft for feedback (409). */
export const isNoDraft = (error: unknown) => isNotFound(error) || (isApiError(error) && error.status === 409);

/**
 * The frame of a draft's feedback pages: the way back to the document, the page's h1 with the
 * document's name under it, then `children` with the document. A bad id, a document the actor may
 * not see, one that is not a draft, or `gone` (the feedback API said so) is "not found".
 */
export function DraftFrame({ id, title, gone, children }: { id: string; title: string; gone: boolean; children: (d: DocumentDto) => ReactNode }) {
  const { t } = useTranslation();
  const valid = isUuid(id);
  const doc = useDocument(valid ? id : "");
  if (!valid || gone || isNotFound(doc.error) || doc.data?.data.feedbackUntil === null) return <NotFoundPage />;
  const back = <BackToLibrary to={`/documents/${id}`} label={t("feedback.backToDocument")} />;
  if (!doc.data) return <DocumentUnavailable doc={doc} unreachable={false} back={back} />;
  const d = doc.data.data;
  return (
    <>
      {back}
      <PageHeader title={title} subtitle={documentName(t, d)} />
      {children(d)}
    </>
  );
}
