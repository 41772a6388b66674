import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Popover } from '@/components/popover';
import { Options, Select } from '@/components/select';
import { formatInteger } from '@/lib/format';
import { T, useT } from '@/lib/i18n';
import { directoryQueries } from '../api/directory';
import { useFacetCounts, withCount } from '../hooks/use-facet-counts';
import { COLUMNS, type ColumnId } from '../model/columns';
import { type ListView, PRESETS, presetOff } from '../model/list-view';
import { CORE_STATES, RUNTIME_STATES, runtimeStateLabel, stateLabel } from '../model/states';
import { EntityFilter } from './entity-filter';

type Update = (patch: Partial<ListView> | ((view: ListView) => ListView)) => void;

export function Presets({ view, update }: { view: ListView; update: Update }) {
  const t = useT();
  return (
    <fieldset className="presets">
      <legend className="visually-hidden">{t('Quick filters')}</legend>
      {PRESETS.map((preset) => {
        const active = preset.isActive(view);
        return (
          <button
            key={preset.id}
            type="button"
            className={`chip-button ${active ? 'chip-button--active' : ''}`}
            aria-pressed={active}
            onClick={() =>
              update((current) => (active ? presetOff(preset.id, current) : preset.apply(current)))
            }
          >
            {t(preset.label)}
          </button>
        );
      })}
    </fieldset>
  );
}

function StateFilter({ view, update }: { view: ListView; update: Update }) {
  const t = useT();
  const summary =
    view.states.length === 0
      ? t('Any', {}, 'state')
      : view.states.length === 1
        ? stateLabel(view.states[0])
        : t('{count, plural, one {# state} other {# states}}', { count: view.states.length });
  return (
    <div className="field">
      <span className="field__label" id="state-filter-label">
        {t('State')}
      </span>
      <Popover
        buttonClassName="btn btn--secondary select-button"
        label={
          <>
            <T
              m="<hidden>State: </hidden>{summary}"
              v={{ summary }}
              tags={{ hidden: (c) => <span className="visually-hidden">{c}</span> }}
            />
            <span aria-hidden="true"> ▾</span>
          </>
        }
        panelLabel={t('State')}
      >
        <StateOptions view={view} update={update} />
      </Popover>
    </div>
  );
}

/** Rendered only while the popover is open, so its counts are only fetched then. */
function StateOptions({ view, update }: { view: ListView; update: Update }) {
  const t = useT();
  const { counts, available } = useFacetCounts(view, 'state');
  return (
    <fieldset className="checkbox-list">
      <legend className="visually-hidden">{t('Show volumes in these states')}</legend>
      {CORE_STATES.map((state) => (
        <label
          key={state}
          className={`checkbox ${counts.get(state) === 0 ? 'checkbox--empty' : ''}`}
        >
          <input
            type="checkbox"
            checked={view.states.includes(state)}
            onChange={(event) =>
              update((current) => ({
                ...current,
                states: event.target.checked
                  ? [...current.states, state]
                  : current.states.filter((s) => s !== state),
              }))
            }
          />
          {withCount(stateLabel(state), counts.get(state))}
        </label>
      ))}
      {!available ? (
        <p className="field__hint">{t('No counts for this view (Waldur cannot count it).')}</p>
      ) : null}
    </fieldset>
  );
}

/** A select's handlers that say it is about to be used (focus, or a pointer on it). */
const onFirstUse = (want: (wanted: true) => void) => ({
  onFocus: () => want(true),
  onPointerDown: () => want(true),
});

function RuntimeFilter({ view, update }: { view: ListView; update: Update }) {
  // Counts are fetched once someone goes to the select (the hook mounts with them).
  const t = useT();
  const [wantCounts, setWantCounts] = useState(false);
  const options =
    view.runtime && !(RUNTIME_STATES as readonly string[]).includes(view.runtime)
      ? [view.runtime, ...RUNTIME_STATES]
      : RUNTIME_STATES;
  return (
    <Select
      id="runtime-filter"
      label={t('Runtime state')}
      value={view.runtime}
      {...onFirstUse(setWantCounts)}
      onChange={(event) => update({ runtime: event.target.value })}
    >
      <option value="">{t('Any', {}, 'runtime state')}</option>
      {wantCounts ? (
        <CountedRuntimeOptions view={view} options={options} />
      ) : (
        <RuntimeOptions options={options} counts={undefined} />
      )}
    </Select>
  );
}

function CountedRuntimeOptions({ view, options }: { view: ListView; options: readonly string[] }) {
  const { counts } = useFacetCounts(view, 'runtime');
  return <RuntimeOptions options={options} counts={counts} />;
}

function RuntimeOptions({
  options,
  counts,
}: {
  options: readonly string[];
  counts: Map<string, number | undefined> | undefined;
}) {
  return (
    <Options
      choices={options.map((runtime) => ({
        value: runtime,
        label: withCount(runtimeStateLabel(runtime), counts?.get(runtime)),
      }))}
    />
  );
}

function ZoneFilter({ view, update }: { view: ListView; update: Update }) {
  // Zone names are only needed once someone opens the select.
  const t = useT();
  const [wanted, setWanted] = useState(false);
  const zones = useQuery({ ...directoryQueries.zoneNames(), enabled: wanted });
  const names = [...(zones.data ?? [])];
  if (view.zone && !names.includes(view.zone)) names.unshift(view.zone);
  return (
    <Select
      id="zone-filter"
      label={t('Availability zone')}
      value={view.zone}
      {...onFirstUse(setWanted)}
      onChange={(event) => update({ zone: event.target.value })}
    >
      <option value="">{t('Any zone')}</option>
      <Options choices={names.map((name) => ({ value: name, label: name }))} />
    </Select>
  );
}

export function FilterBar({ view, update }: { view: ListView; update: Update }) {
  const t = useT();
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">{t('Filters')}</legend>
      <StateFilter view={view} update={update} />
      <RuntimeFilter view={view} update={update} />
      <EntityFilter
        kind="customers"
        value={view.customer}
        onChange={(customer) => update({ customer })}
      />
      <EntityFilter
        kind="projects"
        value={view.project}
        scope={view.customer}
        onChange={(project) => update({ project })}
      />
      <EntityFilter
        kind="openstack-tenants"
        value={view.tenant}
        scope={view.project}
        onChange={(tenant) => update({ tenant })}
      />
      <EntityFilter
        kind="openstack-instances"
        value={view.instance}
        onChange={(instance) => update({ instance })}
      />
      <ZoneFilter view={view} update={update} />
    </fieldset>
  );
}

export function ColumnChooser({ view, update }: { view: ListView; update: Update }) {
  const t = useT();
  const toggle = (id: ColumnId, on: boolean) =>
    update((current) => ({
      ...current,
      columns: on ? [...current.columns, id] : current.columns.filter((c) => c !== id),
    }));
  return (
    <Popover
      align="end"
      label={
        <>
          <T
            m="Columns <muted>({count})</muted>"
            v={{ count: formatInteger(view.columns.length) }}
            tags={{ muted: (c) => <span className="muted">{c}</span> }}
          />
          <span aria-hidden="true"> ▾</span>
        </>
      }
      panelLabel={t('Visible columns')}
    >
      <fieldset className="checkbox-list">
        <legend className="visually-hidden">{t('Visible columns')}</legend>
        {COLUMNS.map((column) => (
          <label key={column.id} className="checkbox">
            <input
              type="checkbox"
              checked={view.columns.includes(column.id)}
              disabled={'required' in column}
              onChange={(event) => toggle(column.id, event.target.checked)}
            />
            {t(column.label)}
          </label>
        ))}
      </fieldset>
    </Popover>
  );
}
