import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api.js';
import { t, type CatalogueKey } from './i18n/index.js';
import type { Session, User } from './types.js';

type AuthStatus = 'checking' | 'anonymous' | 'authenticated' | 'unavailable';

interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** Set when the server ended the session while the user was working (401 on a request). */
  sessionExpired: boolean;
  /** Why the session could not be checked (server down), when status is 'unavailable'. */
  error: ApiError | null;
  /** Signs in; `code` is the second factor's, for accounts that have one (the API says so). */
  login: (username: string, password: string, code?: string) => Promise<void>;
  logout: () => Promise<void>;
  recheck: () => void;
  /** The user as the server answered after a change to their own account (a new password). */
  updateUser: (user: User) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('checking');
  const [user, setUser] = useState<User | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [checkCount, setCheckCount] = useState(0);

  const startSession = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setStatus('authenticated');
    setSessionExpired(false);
    setError(null);
  }, []);

  const endSession = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus('anonymous');
  }, []);

  useEffect(() => {
    let cancelled = false;
    api.get<Session>('/auth/session', { quietUnauthorized: true }).then(
      (session) => {
        if (!cancelled) startSession(session);
      },
      (cause: unknown) => {
        if (cancelled) return;
        if (cause instanceof ApiError && cause.status === 401) {
          endSession();
        } else {
          setError(cause instanceof ApiError ? cause : new ApiError(0, 'unexpected', String(cause)));
          setStatus('unavailable');
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [checkCount, startSession, endSession]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setSessionExpired(true);
        endSession();
      }),
    [endSession],
  );

  const login = useCallback(
    async (username: string, password: string, code?: string) => {
      const session = await api.post<Session>(
        '/auth/login',
        code ? { username, password, code } : { username, password },
        { quietUnauthorized: true },
      );
      startSession(session);
    },
    [startSession],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout', undefined, { quietUnauthorized: true });
    } finally {
      setSessionExpired(false);
      endSession();
    }
  }, [endSession]);

  const recheck = useCallback(() => {
    setStatus('checking');
    setCheckCount((count) => count + 1);
  }, []);

  const updateUser = useCallback((changed: User) => setUser(changed), []);

  const value = useMemo(
    () => ({ status, user, sessionExpired, error, login, logout, recheck, updateUser }),
    [status, user, sessionExpired, error, login, logout, recheck, updateUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the authenticated shell. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

export function hasRole(user: User | null, role: string): boolean {
  return Boolean(user?.roles.includes(role));
}

/** The readable name of a user role (admin, pnr-analyst ...), from the catalogue. */
export function userRoleLabel(role: string): string {
  const key = `userRole.${role}` as CatalogueKey;
  const label = t(key);
  return label === key ? role : label;
}
