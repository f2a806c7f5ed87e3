import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import { applyLocale, isLocale, type Locale } from '../i18n/index.ts';

export type Role = 'admin' | 'supervisor' | 'agent';

export interface Membership {
  projectId: string;
  projectName: string;
  role: Role;
  defaultCountry: string;
  timezone: string;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  locale: string;
  projects: Membership[];
}

interface Auth {
  me: Me | null;
  loading: boolean;
  login: (email: string, password: string) => Promise<Me>;
  signedIn: (me: Me) => void;
  logout: () => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const ME_KEY = ['me'];

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me');
    if (isLocale(me.locale)) applyLocale(me.locale);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Who is signed in (from `GET /api/me`), and the actions that change it. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });

  const signedIn = useCallback((me: Me) => {
    if (isLocale(me.locale)) applyLocale(me.locale);
    qc.setQueryData(ME_KEY, me);
  }, [qc]);

  const login = useCallback(async (email: string, password: string) => {
    const me = await api<Me>('/auth/login', { method: 'POST', body: { email, password } });
    signedIn(me);
    return me;
  }, [signedIn]);

  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  }, [qc]);

  const setLocale = useCallback(async (locale: Locale) => {
    applyLocale(locale);
    const me = qc.getQueryData<Me | null>(ME_KEY);
    if (!me) return;
    qc.setQueryData(ME_KEY, { ...me, locale });
    await api('/me', { method: 'PATCH', body: { locale } });
  }, [qc]);

  const value = useMemo<Auth>(
    () => ({ me: query.data ?? null, loading: query.isPending, login, signedIn, logout, setLocale }),
    [query.data, query.isPending, login, signedIn, logout, setLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
