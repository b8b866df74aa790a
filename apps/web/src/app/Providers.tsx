import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import i18n from "../i18n";
import { queryClient } from "./queryClient";
import { SessionEffects } from "./SessionEffects";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <SessionEffects />
        {children}
      </I18nextProvider>
    </QueryClientProvider>
  );
}
