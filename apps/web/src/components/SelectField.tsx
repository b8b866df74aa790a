import type { SelectHTMLAttributes } from "react";
import { Field, type FieldProps, useFieldIds } from "./Field";

export interface SelectFieldProps extends FieldProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | keyof FieldProps> {
  options: { value: string; label: string }[];
}

/** A labelled <select>; hint and error are bound to it with aria-describedby. */
export function SelectField({ label, hint, error, options, className, ...select }: SelectFieldProps) {
  const ids = useFieldIds("select", { hint, error });
  return (
    <Field label={label} hint={hint} error={error} className={className} ids={ids}>
      <select id={ids.controlId} className="input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
