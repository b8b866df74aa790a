import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldMessage } from "../../i18n/errors";
import { type CategoryDto, useCategories, useCreateCategory, useUpdateCategory } from "./api";

/** A category name's problem: taken (409), too long, empty; null when the error is not about the name. */
function nameError(t: TFunction, error: unknown): string | null {
  if (!isApiError(error)) return null;
  const code = error.fields.name;
  if (!code) return null;
  return code === "taken" ? t("editorial.categories.taken") : fieldMessage(t, code, { min: 1, max: Limits.categoryNameMax });
}

function RenameForm({ category, unitId, onDone }: { category: CategoryDto; unitId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCategory(unitId);
  const [name, setName] = useState(category.name);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = name.trim();
    if (!value) return setError(t("fieldErrors.required"));
    setError(undefined);
    if (value === category.name) return onDone();
    update.mutate({ id: category.id, name: value }, { onSuccess: onDone });
  };
  const serverError = nameError(t, update.error);
  return (
    <form className="category-rename" noValidate onSubmit={submit}>
      <TextField label={t("editorial.categories.newName", { name: category.name })} value={name} onChange={(e) => setName(e.target.value)} maxLength={Limits.categoryNameMax} error={error ?? serverError ?? undefined} required />
      {update.error && !serverError && <Alert tone="error">{errorMessage(t, update.error)}</Alert>}
      <div className="button-row">
        <Button type="submit" busy={update.isPending} busyLabel={t("common.saving")}>
          {t("editorial.categories.save")}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A channel's categories (chuyên mục). Everyone who writes for the channel sees them; its unit
 * admins add, rename, archive and bring back. Archived categories are offered to no new article
 * but stay on the articles that have them.
 */
export function CategoriesCard({ unitId, canManage }: { unitId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const categories = useCategories(unitId);
  const create = useCreateCategory(unitId);
  const update = useUpdateCategory(unitId);
  const [name, setName] = useState("");
  const [clientError, setClientError] = useState<string | undefined>();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const value = name.trim();
    setAdded(null);
    if (!value) return setClientError(t("fieldErrors.required"));
    setClientError(undefined);
    create.mutate(value, {
      onSuccess: (c) => {
        setName("");
        setAdded(c.name);
      },
    });
  };
  const createNameError = nameError(t, create.error);
  const list = [...(categories.data ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.position - b.position || a.name.localeCompare(b.name, "vi"));

  return (
    <Card title={t("editorial.categories.title")}>
      {categories.isPending && <Spinner inline />}
      {categories.isError && <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />}
      {categories.data && list.length === 0 && <EmptyState>{t("editorial.categories.none")}</EmptyState>}
      {update.error && !renaming && <Alert tone="error">{errorMessage(t, update.error)}</Alert>}
      {list.length > 0 && (
        <ul className="item-list category-list">
          {list.map((c) => (
            <li key={c.id} className={["item", c.archived ? "category-archived" : ""].filter(Boolean).join(" ")}>
              {renaming === c.id ? (
                <RenameForm category={c} unitId={unitId} onDone={() => setRenaming(null)} />
              ) : (
                <div className="category-row">
                  <span className="item-title">
                    {c.name}
                    {c.archived && <span className="badge category-archived-badge">{t("editorial.categories.archived")}</span>}
                  </span>
                  {canManage && (
                    <span className="button-row">
                      <Button variant="secondary" aria-label={t("editorial.categories.renameNamed", { name: c.name })} onClick={() => setRenaming(c.id)}>
                        {t("editorial.categories.rename")}
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={c.archived ? t("editorial.categories.restoreNamed", { name: c.name }) : t("editorial.categories.archiveNamed", { name: c.name })}
                        busy={update.isPending && update.variables?.id === c.id}
                        onClick={() => update.mutate({ id: c.id, archived: !c.archived })}
                      >
                        {c.archived ? t("editorial.categories.restore") : t("editorial.categories.archive")}
                      </Button>
                    </span>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form className="form category-add" noValidate onSubmit={add}>
          <TextField
            label={t("editorial.categories.add")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={Limits.categoryNameMax}
            error={clientError ?? createNameError ?? undefined}
          />
          {create.error && !createNameError && <Alert tone="error">{errorMessage(t, create.error)}</Alert>}
          {added && <Alert tone="success">{t("editorial.categories.added", { name: added })}</Alert>}
          <Button type="submit" busy={create.isPending} busyLabel={t("common.saving")}>
            {t("editorial.categories.addButton")}
          </Button>
        </form>
      )}
    </Card>
  );
}
