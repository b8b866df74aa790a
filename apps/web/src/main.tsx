import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import "./i18n";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/components.css";
import "./styles/panels.css";
import "./styles/pages.css";
import "./styles/news.css";
import { deviceLargeText, applyLargeText } from "./app/preferences";
import { Providers } from "./app/Providers";
import { router } from "./app/router";
import { startServiceWorker } from "./app/serviceWorker";
import { followNotificationClicks } from "./features/notifications/push";

applyLargeText(deviceLargeText());

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);

startServiceWorker();
followNotificationClicks((path) => void router.navigate(path));
