import { after, before } from "node:test";
import { launchBrowser } from "./browser";
import { e2e } from "./helpers";
import { startServer } from "./server";

// One server with the demo data and one browser for the whole run; each flow file registers its suites.
before(async () => {
  e2e.server = await startServer();
  e2e.browser = await launchBrowser();
});

after(async () => {
  await e2e.browser?.close();
  await e2e.server?.stop();
});

await import("./flows/accounts");
await import("./flows/notifications");
await import("./flows/news");
await import("./flows/editorial");
await import("./flows/documents");
await import("./flows/feedback");
