import { type ReactNode, type TextareaHTMLAttributes, useId } from "react";

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  label: ReactNode;
  /** Help shown under the label, announced with the field. */
  hint?: ReactNode;
  /** The problem with the value; marks the field invalid and is announced with it. */
  error?: string;
}

/** A labelled multi-line text field; hint and error are bound to it with aria-describedby (like TextField). */
export function TextArea({ label, hint, error, className, ...textarea }: TextAreaProps) {
  const id = `area-${useId()}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", error ? "field-invalid" : "", className].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <textarea id={id} className="input textarea" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
