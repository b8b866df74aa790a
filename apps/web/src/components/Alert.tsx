import type { ReactNode } from "react";

export interface AlertProps {
  /** `error` interrupts screen readers (role="alert"); the others are polite (role="status"). */
  tone?: "error" | "success" | "info" | "warning";
  children: ReactNode;
  action?: ReactNode;
  className?: string;
}

export function Alert({ tone = "info", children, action, className }: AlertProps) {
  return (
    <div className={["alert", `alert-${tone}`, className].filter(Boolean).join(" ")} role={tone === "error" ? "alert" : "status"}>
      <div className="alert-body">{children}</div>
      {action && <div className="alert-action">{action}</div>}
    </div>
  );
}
