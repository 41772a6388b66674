// Across origins, whether Waldur's error answers reach the console at all.
//
// Mastermind's stock nginx adds its CORS headers without `always`, so only 200, 201, 204, 206 and
// 3xx answers carry them (contract-lifecycle §6 E1, §8). A console on another origin then sees every
// 202 (an accepted action, a scheduled deletion) and every 4xx and 5xx (a quota refusal, a 409) as
// a network failure. The console copes (src/lib/writes.ts: a lost answer is re-read, never resent),
// but a user meeting "no answer came back" for a plain refusal deserves to know why.
//
// So, once per session, after `/api/users/me/` was readable: one harmless request that must answer
// 404 with a JSON `detail` (./cors-probe). Readable: errors get through. A network
// failure where the previous request succeeded: this Waldur's web server drops CORS headers on its
// errors. Anything else says nothing either way.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useWhenSettledAndIdle } from './code-loads';
import { withWords } from './language';
import { api } from './session';

export type { CorsDiagnosis } from './cors-probe';

/** Whether the API is on another origin than the console (the only case where CORS applies). */
export function isCrossOrigin(apiUrl: string | null | undefined, here = window.location.origin) {
  if (!apiUrl) return false;
  try {
    return new URL(apiUrl).origin !== here;
  } catch {
    return false;
  }
}

const corsQuery = (apiUrl: string) =>
  queryOptions({
    queryKey: ['cors-check', apiUrl] as const,
    // The probe's code loads only where the check applies (./cors-probe).
    queryFn: async () => (await withWords(import('./cors-probe'))).diagnoseCors(api()),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/**
 * Runs the check once per API URL, when the page's data is in and it is idle (never on the way to
 * the first row), if `applies`: signed in, `/api/users/me/` read, and the API on another origin.
 * Returns what it found; `undefined` until then or when it does not apply.
 */
export function useCorsDiagnosis(apiUrl: string | null, applies: boolean) {
  const [idle, setIdle] = useState(false);
  useWhenSettledAndIdle(() => setIdle(true), 3_000, 500, applies);
  const query = useQuery({
    ...corsQuery(apiUrl ?? ''),
    enabled: Boolean(apiUrl) && applies && idle,
  });
  return applies ? query.data : undefined;
}

/** What the check found, if it ran (for a form whose answer was lost): read only, never runs it. */
export function useKnownCorsDiagnosis(apiUrl: string | null) {
  return useQuery({ ...corsQuery(apiUrl ?? ''), enabled: false }).data;
}
