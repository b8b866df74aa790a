import { useTranslation } from "react-i18next";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { Spinner } from "../../components/Spinner";
import { useComments } from "./api";
import { CommentItem } from "./CommentItem";

/**
 * "Ý kiến khác trong chi bộ", on a draft that shows them ('all'): what the rest of the member's
 * cell said and how it was answered, without their names (the API leaves them out).
 */
export function CellComments({ documentId, cellId }: { documentId: string; cellId: string }) {
  const { t } = useTranslation();
  const cell = useComments(documentId, { unitId: cellId });
  const others = cell.data?.pages.flatMap((p) => p.data).filter((c) => !c.mine) ?? [];
  return (
    <Card title={t("feedback.cell.title")} className="fb-cell">
      {cell.isPending && <Spinner inline />}
      {cell.isError && <ErrorAlert error={cell.error} onRetry={() => void cell.refetch()} />}
      {cell.data && others.length === 0 && <p className="meta">{t("feedback.cell.none")}</p>}
      {others.length > 0 && (
        <>
          <ul className="item-list fb-list" aria-busy={cell.isFetching || undefined}>
            {others.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
          </ul>
          <div className="news-more">
            <LoadMore pages={cell} />
          </div>
        </>
      )}
    </Card>
  );
}
