import { type InputHTMLAttributes, type ReactNode, useId } from "react";

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> {
  label: ReactNode;
  hint?: ReactNode;
}

/** A checkbox with its label (the whole row is clickable) and an optional hint. */
export function Checkbox({ label, hint, className, ...input }: CheckboxProps) {
  const id = `check-${useId()}`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={["checkbox", className].filter(Boolean).join(" ")}>
      <input id={id} type="checkbox" aria-describedby={hintId} {...input} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p className="field-hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
