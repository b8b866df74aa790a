import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { useReadAloud } from "./useReadAloud";

/**
 * "Nghe đọc bài" (or `title`): reads the text `getText` returns (taken from the rendered page when pressed) in a
 * Vietnamese voice. One play/pause/resume button that keeps focus while its label changes, and a
 * stop button; the state is announced politely. Without a Vietnamese voice it says so instead of
 * reading with a wrong one.
 */
export function ReadAloud({ getText, title }: { getText: () => string; title?: string }) {
  const { t } = useTranslation();
  const { state, play, pause, resume, stop } = useReadAloud(getText);
  const toggle = useRef<HTMLButtonElement>(null);
  const headingId = `${useId()}-heading`;

  const active = state === "playing" || state === "paused";
  const status =
    state === "playing" ? t("news.readAloud.playing") : state === "paused" ? t("news.readAloud.paused") : state === "finished" ? t("news.readAloud.finished") : "";

  let body;
  if (state === "unsupported") body = <Alert tone="info">{t("news.readAloud.unsupported")}</Alert>;
  else if (state === "noVoice") body = <Alert tone="info">{t("news.readAloud.noVoice")}</Alert>;
  else if (state === "checking") body = <p className="meta">{t("news.readAloud.checking")}</p>;
  else {
    body = (
      <div className="button-row">
        <button
          ref={toggle}
          type="button"
          className="btn btn-secondary"
          onClick={state === "playing" ? pause : state === "paused" ? resume : play}
        >
          {state === "playing" ? t("news.readAloud.pause") : state === "paused" ? t("news.readAloud.resume") : t("news.readAloud.play")}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={!active}
          onClick={() => {
            stop();
            // The stop button is disabled from now on: keep the keyboard on the control.
            toggle.current?.focus();
          }}
        >
          {t("news.readAloud.stop")}
        </button>
      </div>
    );
  }

  return (
    <section className="read-aloud" aria-labelledby={headingId}>
      <h2 id={headingId} className="read-aloud-title">
        {title ?? t("news.readAloud.title")}
      </h2>
      {body}
      <p className="meta read-aloud-status" role="status" data-state={state}>
        {status}
      </p>
    </section>
  );
}
