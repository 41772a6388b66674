// The account menu's panel: who is signed in, sign-out for Waldur; in demo mode the persona,
// the demo's speed and its tools. Loaded when the menu first opens (the button is always there).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/button';
import { CorsNoticeIfHidden } from '@/components/cors-notice';
import { LanguagePicker } from '@/components/language-picker';
import { currentUserQuery } from '@/lib/current-user';
import {
  type DemoControls,
  type DemoDeployment,
  deploymentChanged,
  useDemo,
} from '@/lib/demo-controls';
import { msg, t, useT } from '@/lib/i18n';
import { notify } from '@/lib/notifications';
import { resetLimits } from '@/lib/server-limits';
import { type DemoPersona, sessionStore, useSession } from '@/lib/session';

/** Who a demo persona is, from its id (the demo passes data only: the id and the person's name). */
function personaRole(id: string): string | null {
  switch (id) {
    case 'staff':
      return t('Staff', {}, 'role');
    case 'admin':
      return t('Project admin');
    case 'support':
      return t('Support', {}, 'role');
    case 'member':
      return t('Project member');
    default:
      return null;
  }
}

/** What a demo persona may do. */
function personaDescription(id: string): string | null {
  switch (id) {
    case 'staff':
      return t('sees and can do everything, including unlink');
    case 'admin':
      // The demo's customers (data).
      return t('admin of three projects of {customer} and {other}', {
        customer: 'Alpha Research',
        other: 'Borealis',
      });
    case 'support':
      return t('sees everything, read-only');
    case 'member':
      return t('member of two projects (read-only there), manager of a third');
    default:
      return null;
  }
}

/** "Alice Tamm (Staff)": the person's name (data) and their role. */
function personaLabel(persona: DemoPersona): string {
  const role = personaRole(persona.id);
  return role ? t('{name} ({role})', { name: persona.name, role }) : persona.name;
}

const SPEEDS = [
  {
    id: 'waldur',
    label: msg('Like Waldur'),
    description: msg('an attach takes about {seconds} s'),
  },
  { id: 'fast', label: msg('Fast'), description: msg('five times faster') },
] as const;

/** How fast the demo's operations run; tests stop its clock ("manual") instead. */
function DemoSpeedPicker({ demo }: { demo: DemoControls }) {
  const t = useT();
  const [speed, setSpeed] = useState(demo.speed());
  if (speed === 'manual') {
    return <p className="menu-panel__meta">{t('Demo clock: moved by hand (tests)')}</p>;
  }
  return (
    <fieldset className="persona-picker">
      <legend>{t('Demo speed')}</legend>
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
          <OptionText label={t(option.label)} description={t(option.description, { seconds: 7 })} />
        </label>
      ))}
    </fieldset>
  );
}

/** An option's name and, muted, what it means: "Fast · five times faster". */
function OptionText({ label, description }: { label: string; description: string | null }) {
  return (
    <span>
      {label}
      {description ? <span className="muted"> · {description}</span> : null}
    </span>
  );
}

const VERSIONS = [
  { id: '8.x', label: msg('Waldur 8.x'), description: msg('the current release') },
  {
    id: '7.x',
    label: msg('Waldur 7.x (2024)'),
    description: msg('no {field}, old state names, {limit}-character descriptions'),
  },
  {
    id: 'newer',
    label: msg('Newer Waldur'),
    description: msg('checks a deletion in the background'),
  },
] as const;

/**
 * Which Waldur the demo plays, and how it is deployed (contract-lifecycle §8): so that each kind of
 * deployment the console must work with can be tried here. The console forgets what it read.
 */
function DemoDeploymentPicker({ demo }: { demo: DemoControls }) {
  const t = useT();
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
      label: t('Require an availability zone on orders'),
    },
    { key: 'acrossOrigins', label: t('Across origins, behind stock nginx (errors hidden)') },
    {
      key: 'futureProjectStart',
      label: t('Project {name} starts next month', { name: demo.futureProjectName }),
    },
  ] as const;
  return (
    <>
      <fieldset className="persona-picker">
        <legend>{t('Waldur behaves like')}</legend>
        {VERSIONS.map((option) => (
          <label key={option.id} className="radio">
            <input
              type="radio"
              name="demo-version"
              value={option.id}
              checked={deployment.version === option.id}
              onChange={() =>
                change(
                  { version: option.id },
                  t('The demo now plays {version}', { version: t(option.label) }),
                )
              }
            />
            <OptionText
              label={t(option.label)}
              description={t(option.description, { field: 'customer_uuid', limit: 2000 })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset className="persona-picker">
        <legend>{t('Deployment')}</legend>
        {toggles.map((toggle) => (
          <label key={toggle.key} className="checkbox">
            <input
              type="checkbox"
              checked={deployment[toggle.key]}
              onChange={(event) =>
                change(
                  { [toggle.key]: event.target.checked },
                  event.target.checked
                    ? t('{setting}: on', { setting: toggle.label })
                    : t('{setting}: off', { setting: toggle.label }),
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
  const t = useT();
  const session = useSession();
  const demo = useDemo();
  const queryClient = useQueryClient();
  const { data: user } = useQuery({ ...currentUserQuery(), enabled: Boolean(session.token) });
  return (
    <div className="menu-panel">
      {user?.email ? <p className="menu-panel__meta">{user.email}</p> : null}
      <CorsNoticeIfHidden forStaff={Boolean(user?.is_staff)} />
      <LanguagePicker />
      {session.kind === 'demo' && demo ? (
        <>
          <fieldset className="persona-picker">
            <legend>{t('View the console as')}</legend>
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
                    notify({
                      kind: 'info',
                      title: t('Now viewing as {persona}', { persona: personaLabel(persona) }),
                    });
                  }}
                />
                <OptionText
                  label={personaLabel(persona)}
                  description={personaDescription(persona.id)}
                />
              </label>
            ))}
          </fieldset>
          <details className="menu-panel__more">
            <summary>{t('Demo settings: speed, Waldur version, deployment')}</summary>
            <DemoSpeedPicker demo={demo} />
            <DemoDeploymentPicker demo={demo} />
          </details>
          <fieldset className="menu-panel__group">
            <legend className="visually-hidden">{t('Demo backend')}</legend>
            <MenuItem
              onClick={() => {
                demo.failNext('*');
                close();
                notify({
                  kind: 'info',
                  title: t('The next operation will fail'),
                  message: t('It will be accepted, then end {state}, as when OpenStack fails.', {
                    state: 'ERRED',
                  }),
                });
              }}
            >
              {t('Make the next operation fail')}
            </MenuItem>
            <MenuItem
              onClick={() => {
                demo.reset();
                queryClient.clear();
                close();
                notify({ kind: 'info', title: t('Demo data reset to its starting state') });
              }}
            >
              {t('Reset demo data')}
            </MenuItem>
            <MenuItem onClick={() => sessionStore.connectToWaldur()}>
              {t('Connect to a real Waldur…')}
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
          {t('Sign out')}
        </MenuItem>
      )}
    </div>
  );
}
