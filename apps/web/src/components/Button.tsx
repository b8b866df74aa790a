import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "danger" | "quiet";
  /** Shows the busy state: disabled, aria-busy, and `busyLabel` instead of the children when given. */
  busy?: boolean;
  busyLabel?: string;
}

/** A real <button> (type "button" unless told otherwise) in one of the app's styles. */
export function Button({ variant = "primary", busy = false, busyLabel, className, children, type = "button", disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={["btn", `btn-${variant}`, className].filter(Boolean).join(" ")}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
