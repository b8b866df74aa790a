import { useEffect, useRef } from "react";
import { useLocation } from "react-router-dom";

/**
 * After an in-app navigation (not the first load), scrolls to the top and moves focus to the new
 * page's h1, or to <main>, so keyboard and screen-reader users start at the new content.
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const frame = requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main");
      target?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
