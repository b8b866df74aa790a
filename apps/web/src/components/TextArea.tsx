import type { TextareaHTMLAttributes } from "react";
import { Field, type FieldProps, useFieldIds } from "./Field";

export interface TextAreaProps extends FieldProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | keyof FieldProps> {}

/** A labelled multi-line text field; hint and error are bound to it with aria-describedby (like TextField). */
export function TextArea({ label, hint, error, className, ...textarea }: TextAreaProps) {
  const ids = useFieldIds("area", { hint, error });
  return (
    <Field label={label} hint={hint} error={error} className={className} ids={ids}>
      <textarea id={ids.controlId} className="input textarea" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...textarea} />
    </Field>
  );
}
