import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps, useFieldIds } from "./Field";

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, "id" | keyof FieldProps> {
  id?: string;
}

/** A labelled input; hint and error are bound to it with aria-describedby. */
export function TextField({ label, hint, error, id, className, ...input }: TextFieldProps) {
  const ids = useFieldIds("field", { hint, error }, id);
  return (
    <Field label={label} hint={hint} error={error} className={className} ids={ids}>
      <input id={ids.controlId} className="input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </Field>
  );
}
