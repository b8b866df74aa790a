import { type ReactNode, type SelectHTMLAttributes, useId } from "react";

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  label: ReactNode;
  options: { value: string; label: string }[];
  error?: string;
}

/** A labelled <select>. */
export function SelectField({ label, options, error, className, ...select }: SelectFieldProps) {
  const id = `select-${useId()}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["field", error ? "field-invalid" : "", className].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={errorId} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
