// The account menu's panel: who is signed in, sign-out for Waldur; in demo mode the persona,
// the demo's speed and its tools. Loaded when the menu first opens (the button is always there).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/button';
import { CorsNoticeIfHidden } from '@/components/cors-notice';
import { currentUserQuery } from '@/lib/current-user';
import {
  type DemoControls,
  type DemoDeployment,
  deploymentChanged,
  useDemo,
} from '@/lib/demo-controls';
import { notify } from '@/lib/notifications';
import { resetLimits } from '@/lib/server-limits';
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

const VERSIONS = [
  { id: '8.x', label: 'Waldur 8.x', description: 'the current release' },
  {
    id: '7.x',
    label: 'Waldur 7.x (2024)',
    description: 'no customer_uuid, old state names, 2,000-character descriptions',
  },
  { id: 'newer', label: 'Newer Waldur', description: 'checks a deletion in the background' },
] as const;

/**
 * Which Waldur the demo plays, and how it is deployed (contract-lifecycle §8): so that each kind of
 * deployment the console must work with can be tried here. The console forgets what it read.
 */
function DemoDeploymentPicker({ demo }: { demo: DemoControls }) {
  const queryClient = useQueryClient();
  const [deployment, setDeployment] = useState(demo.deployment());
  const change = (next: Partial<DemoDeployment>, title: string) => {
    demo.setDeployment(next);
    setDeployment(demo.deployment());
    deploymentChanged();
    resetLimits();
    queryClient.clear();
    notify({ kind: 'info', title });
  };
  const toggles = [
    {
      key: 'requireAvailabilityZone',
      label: 'Require an availability zone on orders',
    },
    { key: 'acrossOrigins', label: 'Across origins, behind stock nginx (errors hidden)' },
    { key: 'futureProjectStart', label: `Project ${demo.futureProjectName} starts next month` },
  ] as const;
  return (
    <>
      <fieldset className="persona-picker">
        <legend>Waldur behaves like</legend>
        {VERSIONS.map((option) => (
          <label key={option.id} className="radio">
            <input
              type="radio"
              name="demo-version"
              value={option.id}
              checked={deployment.version === option.id}
              onChange={() => change({ version: option.id }, `The demo now plays ${option.label}`)}
            />
            <span>
              {option.label}
              <span className="muted"> · {option.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="persona-picker">
        <legend>Deployment</legend>
        {toggles.map((toggle) => (
          <label key={toggle.key} className="checkbox">
            <input
              type="checkbox"
              checked={deployment[toggle.key]}
              onChange={(event) =>
                change(
                  { [toggle.key]: event.target.checked },
                  `${toggle.label}: ${event.target.checked ? 'on' : 'off'}`,
                )
              }
            />
            {toggle.label}
          </label>
        ))}
      </fieldset>
    </>
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
      <CorsNoticeIfHidden forStaff={Boolean(user?.is_staff)} />
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
          <details className="menu-panel__more">
            <summary>Demo settings: speed, Waldur version, deployment</summary>
            <DemoSpeedPicker demo={demo} />
            <DemoDeploymentPicker demo={demo} />
          </details>
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
