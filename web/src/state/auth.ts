/** Who is signed in, for the whole app: loaded from GET /api/me at start, changed by login and logout. */
import { ApiError, hasSessionCookie } from '../api/client.ts';
import { getMe, login, logout } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';
import { createStore, useStore } from './store.ts';

export type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

const auth = createStore<AuthState>({ status: 'loading' });

export const useAuth = (): AuthState => useStore(auth);

export async function refreshAuth(): Promise<void> {
  // No session cookie, no session: an anonymous visit costs no request (and no 401 in the console).
  if (!hasSessionCookie()) {
    auth.set({ status: 'anonymous' });
    return;
  }
  try {
    auth.set({ status: 'signed-in', me: await getMe() });
  } catch (error) {
    // 401 is the ordinary anonymous visit; any other failure also leaves the visitor anonymous.
    if (!(error instanceof ApiError)) throw error;
    auth.set({ status: 'anonymous' });
  }
}

export async function signIn(email: string, password: string): Promise<Me> {
  const me = await login({ email, password });
  auth.set({ status: 'signed-in', me });
  return me;
}

export async function signOut(): Promise<void> {
  await logout();
  auth.set({ status: 'anonymous' });
}

/** True for a signed-in professional (verified address): contacts reserved to professionals are for them. */
export function isProfessional(state: AuthState): boolean {
  return state.status === 'signed-in' && state.me.roles.professional;
}
