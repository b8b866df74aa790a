import { type ReactNode, useId } from "react";

export interface CardProps {
  /** Rendered as a heading (h2 by default) that names the card's region. */
  title?: ReactNode;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A white panel; with a title it is a labelled <section>. */
export function Card({ title, headingLevel = 2, actions, className, children }: CardProps) {
  const headingId = `card-${useId()}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={["card", className].filter(Boolean).join(" ")} aria-labelledby={title ? headingId : undefined}>
      {(title || actions) && (
        <div className="card-head">
          {title && (
            <Heading id={headingId} className="card-title">
              {title}
            </Heading>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
