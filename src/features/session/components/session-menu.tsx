import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Popover } from '@/components/popover';
import { currentUserQuery, displayName } from '@/lib/current-user';
import { type DemoControls, useDemo } from '@/lib/demo-controls';
import { notify } from '@/lib/notifications';
import { sessionStore, useSession } from '@/lib/session';

function roleLabel(user: { is_staff?: boolean | null; is_support?: boolean | null } | undefined) {
  if (user?.is_staff) return 'Staff';
  if (user?.is_support) return 'Support';
  return null;
}

/** Where the data comes from: the demo backend, or the host of the configured Waldur. */
export function DataSource() {
  const session = useSession();
  if (session.kind === 'demo') {
    return (
      <span
        className="data-source data-source--demo"
        title="Simulated in your browser; nothing leaves this page"
      >
        <span className="data-source__dot" aria-hidden="true" />
        <span className="data-source__label">Demo backend</span>
      </span>
    );
  }
  if (!session.apiUrl) return null;
  return (
    <span className="data-source" title={session.apiUrl}>
      <span className="data-source__dot" aria-hidden="true" />
      <span className="visually-hidden">Connected to </span>
      <span className="data-source__label">{new URL(session.apiUrl).host}</span>
    </span>
  );
}

const SPEEDS = [
  { id: 'waldur', label: 'Like Waldur', description: 'an attach takes about 7 s' },
  { id: 'fast', label: 'Fast', description: 'five times faster' },
] as const;

/** How fast the demo's operations run; tests stop its clock ("manual") instead. */
function DemoSpeedPicker({ demo }: { demo: DemoControls }) {
  const [speed, setSpeed] = useState(demo.speed());
  if (speed === 'manual') {
    return <p className="menu-panel__meta">Demo clock: moved by hand (tests)</p>;
  }
  return (
    <fieldset className="persona-picker">
      <legend>Demo speed</legend>
      {SPEEDS.map((option) => (
        <label key={option.id} className="radio">
          <input
            type="radio"
            name="demo-speed"
            value={option.id}
            checked={speed === option.id}
            onChange={() => {
              demo.setSpeed(option.id);
              setSpeed(option.id);
            }}
          />
          <span>
            {option.label}
            <span className="muted"> · {option.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The signed-in user; sign-out for Waldur, persona switching and demo tools in demo mode. */
export function SessionMenu() {
  const session = useSession();
  const demo = useDemo();
  const queryClient = useQueryClient();
  const { data: user } = useQuery({ ...currentUserQuery(), enabled: Boolean(session.token) });
  if (!session.token) return null;
  const role = roleLabel(user);

  return (
    <Popover
      align="end"
      buttonClassName="btn btn--ghost user-button"
      label={
        <>
          <span className="visually-hidden">Account: </span>
          <span className="user-button__name">{displayName(user)}</span>
          {role ? <span className="badge badge--neutral">{role}</span> : null}
          <span aria-hidden="true">▾</span>
        </>
      }
    >
      {(close) => (
        <div className="menu-panel">
          {user?.email ? <p className="menu-panel__meta">{user.email}</p> : null}
          {session.kind === 'demo' && demo ? (
            <>
              <fieldset className="persona-picker">
                <legend>View the console as</legend>
                {session.personas.map((persona) => (
                  <label key={persona.id} className="radio">
                    <input
                      type="radio"
                      name="demo-persona"
                      value={persona.id}
                      checked={session.persona === persona.id}
                      onChange={() => {
                        sessionStore.switchPersona(persona.id);
                        queryClient.clear();
                        notify({ kind: 'info', title: `Now viewing as ${persona.label}` });
                      }}
                    />
                    <span>
                      {persona.label}
                      <span className="muted"> · {persona.description}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <DemoSpeedPicker demo={demo} />
              <fieldset className="menu-panel__group">
                <legend className="visually-hidden">Demo backend</legend>
                <button
                  type="button"
                  className="btn btn--ghost menu-item"
                  onClick={() => {
                    demo.failNext('*');
                    close();
                    notify({
                      kind: 'info',
                      title: 'The next operation will fail',
                      message: 'It will be accepted, then end ERRED, as when OpenStack fails.',
                    });
                  }}
                >
                  Make the next operation fail
                </button>
                <button
                  type="button"
                  className="btn btn--ghost menu-item"
                  onClick={() => {
                    demo.reset();
                    queryClient.clear();
                    close();
                    notify({ kind: 'info', title: 'Demo data reset to its starting state' });
                  }}
                >
                  Reset demo data
                </button>
                <button
                  type="button"
                  className="btn btn--ghost menu-item"
                  onClick={() => sessionStore.connectToWaldur()}
                >
                  Connect to a real Waldur…
                </button>
              </fieldset>
            </>
          ) : (
            <button
              type="button"
              className="btn btn--ghost menu-item"
              onClick={() => {
                sessionStore.signOut();
                queryClient.clear();
              }}
            >
              Sign out
            </button>
          )}
        </div>
      )}
    </Popover>
  );
}
