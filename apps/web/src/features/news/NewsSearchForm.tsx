import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { Limits } from "@party/shared/limits";
import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";

/** The search box of the news pages: submitting opens /news/search?q=… (diacritics optional). */
export function NewsSearchForm({ initial = "" }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (!q) {
      setError(t("news.search.empty"));
      return;
    }
    setError(undefined);
    void navigate(`/news/search?${new URLSearchParams({ q }).toString()}`);
  };

  return (
    <form className="news-search" role="search" onSubmit={submit} noValidate>
      <TextField
        label={t("news.search.label")}
        hint={t("news.search.hint")}
        type="search"
        name="q"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={Limits.searchMax}
        enterKeyHint="search"
        error={error}
      />
      <Button type="submit">{t("news.search.submit")}</Button>
    </form>
  );
}
