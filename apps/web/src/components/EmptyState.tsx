import type { ReactNode } from "react";

/** An honest "nothing here" message, with an optional follow-up (a link or a button). */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}
