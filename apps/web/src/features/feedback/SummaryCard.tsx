import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDateTime } from "../../i18n/format";
import { type OverviewResponse, useForwardSummary, useGenerateSummary } from "./api";
import { feedbackError, summaryState } from "./labels";
import { SummaryDownloads } from "./SummaryDownloads";

/**
 * "Tổng hợp của đơn vị": the unit's summary after the deadline: make its files (DOCX, XLSX; made in
 * the background, the page asks again until they are done), download them, and forward the
 * up-to-date summary to the unit above after a confirmation. Where it stands is announced politely.
 */
export function SummaryCard({ documentId, overview, publishingUnit }: { documentId: string; overview: OverviewResponse; publishingUnit: boolean }) {
  const { t } = useTranslation();
  const { data, abilities } = overview;
  const s = data.summary;
  const generate = useGenerateSummary(documentId);
  const forward = useForwardSummary(documentId);
  const [confirming, setConfirming] = useState(false);
  const made = s?.generation === "done" || s?.generation === "failed";
  const stateRef = useRef<HTMLParagraphElement>(null);
  // The button pressed is disabled or gone after it: the keyboard stays on what the card now says.
  const toState = () => requestAnimationFrame(() => stateRef.current?.focus());

  return (
    <Card title={t("feedback.summary.title", { unit: data.unit.name })} className="fb-summary">
      <p className="fb-summary-state" role="status" ref={stateRef} tabIndex={-1}>
        {summaryState(t, s)}
      </p>
      {data.draft.open && <p>{t("feedback.summary.afterDeadline")}</p>}
      {s?.generatedAt && <p className="meta">{t("feedback.summary.generatedAt", { time: formatDateTime(s.generatedAt), count: s.counts.total })}</p>}
      {s?.forwardedAt && (
        <p className="meta">{t("feedback.summary.forwardedBy", { time: formatDateTime(s.forwardedAt), name: s.forwardedBy?.name ?? t("common.none") })}</p>
      )}
      {publishingUnit && !data.draft.open && <p className="meta">{t("feedback.summary.topUnit")}</p>}
      {generate.isError && <Alert tone="error">{feedbackError(t, generate.error, "summarise")}</Alert>}
      <div className="button-row">
        {abilities.summarise && (
          <Button variant={made ? "secondary" : "primary"} busy={generate.isPending || s?.generation === "queued"} busyLabel={t("feedback.summary.generating")} onClick={() => generate.mutate(data.unit.id, { onSuccess: toState })}>
            {made ? t("feedback.summary.generateAgain") : t("feedback.summary.generate")}
          </Button>
        )}
        {abilities.download && s && <SummaryDownloads summary={s} documentId={documentId} />}
        {abilities.forward && (
          <Button
            onClick={() => {
              forward.reset();
              setConfirming(true);
            }}
          >
            {t("feedback.summary.forward")}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("feedback.summary.forwardTitle")}
        confirmLabel={t("feedback.summary.forwardConfirm")}
        busy={forward.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          forward.mutate(data.unit.id, {
            onSuccess: () => {
              setConfirming(false);
              toState();
            },
          })
        }
        footer={forward.isError ? <Alert tone="error">{feedbackError(t, forward.error, "forward")}</Alert> : null}
      >
        <p>{t("feedback.summary.forwardBody", { count: s?.counts.total ?? 0, unit: data.unit.name })}</p>
      </ConfirmDialog>
    </Card>
  );
}
