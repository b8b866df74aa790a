import { AppLayout } from "./AppLayout";
import { NotFoundPage } from "./NotFoundPage";
import { PublicLayout } from "./PublicLayout";
import { mfaPath, useSession } from "./session";

/** Unknown paths: "not found" inside the frame that fits who is looking. */
export function NotFoundRoute() {
  const { session } = useSession();
  const Layout = session && !mfaPath(session) ? AppLayout : PublicLayout;
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  );
}
