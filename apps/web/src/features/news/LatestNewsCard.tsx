import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { useLatestNews } from "./api";
import { ArticleItem } from "./ArticleItem";

/** The home page's news: the first few items of the member's feed (pinned guidance first), with the way to the feed. */
export function LatestNewsCard() {
  const { t } = useTranslation();
  const latest = useLatestNews();
  return (
    <Card title={t("home.news")}>
      {latest.isPending && <Spinner inline />}
      {latest.isError && <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.data && latest.data.length === 0 && <EmptyState>{t("news.noneShort")}</EmptyState>}
      {latest.data && latest.data.length > 0 && (
        <>
          <ul className="item-list">
            {latest.data.map((article) => (
              <ArticleItem key={article.id} article={article} compact />
            ))}
          </ul>
          <p className="card-foot">
            <Link to="/news">{t("news.seeAll")}</Link>
          </p>
        </>
      )}
    </Card>
  );
}
