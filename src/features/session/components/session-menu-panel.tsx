// The account menu's panel: who is signed in, sign-out for Waldur; in demo mode the persona,
// the demo's speed and its tools. Loaded when the menu first opens (the button is always there).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/button';
import { currentUserQuery } from '@/lib/current-user';
import { type DemoControls, useDemo } from '@/lib/demo-controls';
import { notify } from '@/lib/notifications';
import { sessionStore, useSession } from '@/lib/session';

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

/** One entry of the account menu. */
function MenuItem({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="ghost" className="menu-item" onClick={onClick}>
      {children}
    </Button>
  );
}

export function SessionMenuPanel({ close }: { close: () => void }) {
  const session = useSession();
  const demo = useDemo();
  const queryClient = useQueryClient();
  const { data: user } = useQuery({ ...currentUserQuery(), enabled: Boolean(session.token) });
  return (
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
            <MenuItem
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
            </MenuItem>
            <MenuItem
              onClick={() => {
                demo.reset();
                queryClient.clear();
                close();
                notify({ kind: 'info', title: 'Demo data reset to its starting state' });
              }}
            >
              Reset demo data
            </MenuItem>
            <MenuItem onClick={() => sessionStore.connectToWaldur()}>
              Connect to a real Waldur…
            </MenuItem>
          </fieldset>
        </>
      ) : (
        <MenuItem
          onClick={() => {
            sessionStore.signOut();
            queryClient.clear();
          }}
        >
          Sign out
        </MenuItem>
      )}
    </div>
  );
}
