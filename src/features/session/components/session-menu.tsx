import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Popover } from '@/components/popover';
import { isCrossOrigin, useCorsDiagnosis } from '@/lib/cors-check';
import { currentUserQuery, displayName } from '@/lib/current-user';
import { useDemoDeployment } from '@/lib/demo-controls';
import { T, t, useT } from '@/lib/i18n';
import { withWords } from '@/lib/language';
import { useSession } from '@/lib/session';

const SessionMenuPanel = lazy(() =>
  withWords(import('./session-menu-panel')).then((m) => ({ default: m.SessionMenuPanel })),
);

/** "Alice Tamm" → "AT", "alice" → "A": the first letters of the first two words. */
export function initials(name: string) {
  return name
    .split(/[\s@._-]+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toLocaleUpperCase())
    .join('');
}

function roleLabel(user: { is_staff?: boolean | null; is_support?: boolean | null } | undefined) {
  if (user?.is_staff) return t('Staff', {}, 'role');
  if (user?.is_support) return t('Support', {}, 'role');
  return null;
}

/** Where the data comes from: the demo backend, or the host of the configured Waldur. */
export function DataSource() {
  const t = useT();
  const session = useSession();
  if (session.kind === 'demo') {
    return (
      <span
        className="data-source data-source--demo"
        title={t('Simulated in your browser; nothing leaves this page')}
      >
        <span className="data-source__dot" aria-hidden="true" />
        <span className="data-source__label">{t('Demo backend')}</span>
      </span>
    );
  }
  if (!session.apiUrl) return null;
  return (
    <span className="data-source" title={session.apiUrl}>
      <span className="data-source__dot" aria-hidden="true" />
      <T
        m="<hidden>Connected to </hidden><host>{host}</host>"
        v={{ host: new URL(session.apiUrl).host }}
        tags={{
          hidden: (c) => <span className="visually-hidden">{c}</span>,
          host: (c) => <span className="data-source__label">{c}</span>,
        }}
      />
    </span>
  );
}

/** The signed-in user; sign-out for Waldur, persona switching and demo tools in demo mode. */
export function SessionMenu() {
  const t = useT();
  const session = useSession();
  const deployment = useDemoDeployment();
  const { data: user } = useQuery({ ...currentUserQuery(), enabled: Boolean(session.token) });
  // Across origins (or the demo playing it), whether Waldur's error answers reach the console.
  const acrossOrigins =
    session.kind === 'demo' ? Boolean(deployment?.acrossOrigins) : isCrossOrigin(session.apiUrl);
  const cors = useCorsDiagnosis(session.apiUrl, Boolean(session.token && user) && acrossOrigins);
  if (!session.token) return null;
  const role = roleLabel(user);

  return (
    <Popover
      align="end"
      buttonClassName="btn btn--ghost user-button"
      label={
        <>
          {/* On a phone the name's initials stand for it (the name stays in the button's name). */}
          <span className="user-button__initials" aria-hidden="true" translate="no">
            {initials(displayName(user))}
          </span>
          <T
            m="<hidden>Account: </hidden><name>{name}</name>"
            v={{ name: displayName(user) }}
            tags={{
              hidden: (c) => <span className="visually-hidden">{c}</span>,
              name: (c) => <span className="user-button__name">{c}</span>,
            }}
          />
          {role ? <span className="badge badge--neutral user-button__role">{role}</span> : null}
          {cors === 'errors-hidden' ? (
            <span className="badge badge--warning">
              <span aria-hidden="true">!</span>
              <span className="visually-hidden">{t(', a deployment problem: see this menu')}</span>
            </span>
          ) : null}
          <span aria-hidden="true">▾</span>
        </>
      }
    >
      {(close) => (
        <Suspense fallback={<p className="menu-panel__meta">{t('Loading…')}</p>}>
          <SessionMenuPanel close={close} />
        </Suspense>
      )}
    </Popover>
  );
}
