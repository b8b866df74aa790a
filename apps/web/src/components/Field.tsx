import { type ReactNode, useId } from "react";

export interface FieldProps {
  label: ReactNode;
  /** Help shown under the label, announced with the control. */
  hint?: ReactNode;
  /** The problem with the value; marks the field invalid and is announced with the control. */
  error?: string;
  className?: string;
}

/** The ids that bind a control to its label, hint and error (`id` when the caller names the control). */
export function useFieldIds(prefix: string, props: Pick<FieldProps, "hint" | "error">, id?: string) {
  const autoId = useId(); // always called: hooks keep their order whether or not `id` is given
  const controlId = id ?? `${prefix}-${autoId}`;
  const hintId = props.hint ? `${controlId}-hint` : undefined;
  const errorId = props.error ? `${controlId}-error` : undefined;
  return { controlId, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/**
 * A form field's frame: the label, the hint, the control (an input, a textarea, a select) and the
 * error, with the ids of useFieldIds. TextField, TextArea and SelectField are built on it.
 */
export function Field({ label, hint, error, className, ids, children }: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={["field", error ? "field-invalid" : "", className].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={ids.controlId}>
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={ids.errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
