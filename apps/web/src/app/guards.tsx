import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation, useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../components/ErrorAlert";
import { Spinner } from "../components/Spinner";
import { NotFoundPage } from "./NotFoundPage";
import { isStaff, mfaPath, useSession } from "./session";

/** Only same-site paths are followed after login (no `//host` or absolute URLs). */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

function Waiting({ children }: { children: ReactNode }) {
  return <div className="page-center">{children}</div>;
}

/** Renders its routes while the session check is in flight or failed, else calls `decide`. */
function SessionGate({ decide }: { decide: (state: ReturnType<typeof useSession>) => ReactNode }) {
  const state = useSession();
  if (state.isPending) {
    return (
      <Waiting>
        <Spinner />
      </Waiting>
    );
  }
  if (state.error) {
    return (
      <Waiting>
        <ErrorAlert error={state.error} onRetry={state.refetch} />
      </Waiting>
    );
  }
  return <>{decide(state)}</>;
}

/** Logged-in area: no session → /login?next=…; second factor owed → its screen. */
export function RequireAuth() {
  const location = useLocation();
  return (
    <SessionGate
      decide={({ session }) => {
        if (!session) {
          const here = location.pathname + location.search;
          return <Navigate to={here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`} replace />;
        }
        const mfa = mfaPath(session);
        return mfa ? <Navigate to={mfa} replace /> : <Outlet />;
      }}
    />
  );
}

/** Login and activation: someone already logged in goes on (to the second factor if owed). */
export function PublicOnly() {
  const [params] = useSearchParams();
  return (
    <SessionGate
      decide={({ session }) => {
        if (!session) return <Outlet />;
        return <Navigate to={mfaPath(session) ?? safeNext(params.get("next"))} replace />;
      }}
    />
  );
}

/** The second-factor screens: only while one is owed, and the right one of the two. */
export function MfaGate() {
  const location = useLocation();
  return (
    <SessionGate
      decide={({ session }) => {
        if (!session) return <Navigate to="/login" replace />;
        const mfa = mfaPath(session);
        if (!mfa) return <Navigate to="/" replace />;
        return location.pathname === mfa ? <Outlet /> : <Navigate to={mfa} replace />;
      }}
    />
  );
}

/** Admin screens exist only for sessions holding a role; others see "not found". */
export function RequireStaff() {
  const { session } = useSession();
  return isStaff(session) ? <Outlet /> : <NotFoundPage />;
}
