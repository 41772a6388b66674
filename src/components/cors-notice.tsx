// What the cross-origin check found (src/lib/cors-check.ts), said where it matters: in the account
// menu, and above a form whose answer was lost. Not a banner on every page.
import { useKnownCorsDiagnosis } from '@/lib/cors-check';
import { T, useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { Callout } from './status';

/** The explanation, for a user (and, with `forStaff`, what an administrator changes). */
export function CorsNotice({ forStaff = false }: { forStaff?: boolean }) {
  const t = useT();
  return (
    <Callout
      tone="warning"
      title={t('This Waldur’s web server hides its refusals from this console')}
    >
      <p>
        {t(
          'Waldur is on another address than this console, and its web server sends the permission this browser needs (CORS headers) only with successful answers. So an accepted action (“scheduled”) and every refusal (a quota, a conflict, a validation error) arrive here as “no answer”. The console re-reads Waldur to tell what happened and never sends anything twice by itself, but it cannot show you why Waldur refused.',
        )}
      </p>
      <p>
        {t('Serving the console on Waldur’s own address fixes this (README, “Deployment”).')}{' '}
        {forStaff ? (
          // The nginx directive and its keyword are code: values, never translated.
          <T
            m="Or, in mastermind’s nginx, add {always} to each {directive} line, so that 202, 4xx and 5xx answers carry them too."
            v={{
              always: <code>always</code>,
              directive: <code>add_header Access-Control-…</code>,
            }}
          />
        ) : (
          t('Tell your Waldur administrator.')
        )}
      </p>
    </Callout>
  );
}

/** The notice, only when the check found that this Waldur hides its errors. */
export function CorsNoticeIfHidden({ forStaff = false }: { forStaff?: boolean }) {
  const { apiUrl } = useSession();
  const diagnosis = useKnownCorsDiagnosis(apiUrl);
  return diagnosis === 'errors-hidden' ? <CorsNotice forStaff={forStaff} /> : null;
}
