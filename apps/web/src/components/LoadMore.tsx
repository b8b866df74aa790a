import { useTranslation } from "react-i18next";
import { Button } from "./Button";

/** The foot of a paged list: "Xem thêm" while a next page exists, else a note that everything is shown. */
export function LoadMore({ pages }: { pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  return pages.hasNextPage ? (
    <Button variant="secondary" onClick={() => void pages.fetchNextPage()} busy={pages.isFetchingNextPage} busyLabel={t("common.loading")}>
      {t("common.loadMore")}
    </Button>
  ) : (
    <p className="meta">{t("common.noMore")}</p>
  );
}
