import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../i18n/format";
import { useIssueActivationCode } from "./api";

/** "1234 5678": the code in two groups, easier to read out. */
export const groupCode = (code: string): string => code.replace(/(\d{4})(?=\d)/g, "$1 ");

/** Issues a one-time activation code and shows it once, large, with its expiry. */
export function ActivationCodeCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const issue = useIssueActivationCode(memberId);
  return (
    <Card title={t("activation.title")}>
      <p>{t("activation.intro")}</p>
      {issue.isError && <ErrorAlert error={issue.error} />}
      {issue.data && (
        <div className="activation-code-box" role="status">
          <p className="meta">{t("activation.code")}</p>
          <p className="activation-code" data-testid="activation-code">
            {groupCode(issue.data.code)}
          </p>
          <p>{t("activation.expires", { time: formatDateTime(issue.data.expiresAt) })}</p>
          <p className="note">{t("activation.note")}</p>
        </div>
      )}
      <Button onClick={() => issue.mutate()} busy={issue.isPending} busyLabel={t("activation.issuing")}>
        {t("activation.issue")}
      </Button>
    </Card>
  );
}
