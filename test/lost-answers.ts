// Answers that never arrive (a dropped connection, or a proxy that strips the CORS headers from
// Waldur's 202s): the request may or may not have reached the demo backend, but the app sees a
// network error either way.
import { getResponse, HttpResponse, http } from 'msw';
import { createHandlers } from '@/mocks/handlers';
import { TEST_ORIGIN } from '@/mocks/node';
import { getBackend, server } from './setup';

/**
 * Loses the answers to every request to `path` (of `method`, if given: a re-read GET of the same
 * path still gets through) until `stop()`; `reachWaldur` says whether the backend processes the
 * request first.
 */
export function loseAnswersTo(
  path: string,
  { reachWaldur, method }: { reachWaldur: boolean; method?: string },
) {
  let losing = true;
  server.use(
    http.all(`${TEST_ORIGIN}${path}`, async ({ request }) => {
      if (!losing || (method && request.method !== method)) return undefined;
      if (reachWaldur) await getResponse(createHandlers(getBackend(), TEST_ORIGIN), request);
      return HttpResponse.error();
    }),
  );
  return {
    stop: () => {
      losing = false;
    },
  };
}
