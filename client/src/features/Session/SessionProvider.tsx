/**
 * Who is logged in, for every screen. The session itself is an httpOnly cookie the
 * script never sees; GET /api/session says whose it is. Any 401 from the API (the session
 * expired, or the user was disabled) sends the person to the login page, and back to
 * where they were once they have logged in again.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import type { SessionInfo } from "../../../../server/model/accounts";
import { actions } from "../../api/actions";
import { ApiError, getJson, onUnauthenticated } from "../../api/client";
import { api } from "../../api/endpoints";
import { clearApiCache } from "../../api/useApi";
import { currentLocation, loginPath, LOGIN_PATH, safeNext } from "../../model/loginRedirect";
import { abilitiesOf } from "../../model/roles";
import type { Abilities } from "../../model/roles";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "error"; error: ApiError }
  | { status: "ready"; user: SessionInfo };

interface SessionContext {
  state: SessionState;
  /** The logged-in user, or null. */
  user: SessionInfo | null;
  can: Abilities;
  /** Logs in and goes to `next` (a path inside the app). Throws the API's error. */
  logIn(username: string, password: string, next: string | null): Promise<void>;
  logOut(): Promise<void>;
  /** Asks the server again who is logged in (after a failed first check). */
  recheck(): void;
}

const Context = createContext<SessionContext | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;

  useEffect(() => {
    const controller = new AbortController();
    getJson(api.session(), controller.signal).then(
      (user) => setState({ status: "ready", user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: "anonymous" });
        else setState({ status: "error", error: error instanceof ApiError ? error : new ApiError("network", String(error)) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // A session that ends while the app is open (expired, logged out elsewhere, user
  // disabled): to the login page, remembering the screen.
  useEffect(
    () =>
      onUnauthenticated(() => {
        clearApiCache();
        setState({ status: "anonymous" });
        const { pathname } = here.current;
        if (pathname !== LOGIN_PATH) navigate(loginPath(currentLocation(here.current)), { replace: true });
      }),
    [navigate],
  );

  const logIn = useCallback(
    async (username: string, password: string, next: string | null) => {
      const user = await actions.logIn({ username: username.trim(), password });
      setState({ status: "ready", user });
      navigate(safeNext(next), { replace: true });
    },
    [navigate],
  );

  const logOut = useCallback(async () => {
    try {
      await actions.logOut();
    } finally {
      clearApiCache();
      setState({ status: "anonymous" });
      navigate(LOGIN_PATH, { replace: true });
    }
  }, [navigate]);

  const recheck = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  const user = state.status === "ready" ? state.user : null;
  const value = useMemo<SessionContext>(
    () => ({ state, user, can: abilitiesOf(user?.role), logIn, logOut, recheck }),
    [state, user, logIn, logOut, recheck],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error("useSession needs a <SessionProvider> above it");
  return context;
}

/** What the logged-in user may do: screens leave out the controls they may not use. */
export function useAbilities(): Abilities {
  return useSession().can;
}
