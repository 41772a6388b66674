import {
  hasAnyFilter,
  type ListView,
  STUCK_AFTER_MINUTES,
  withoutFilters,
} from '../model/list-view';
import { runtimeStateLabel, stateLabel } from '../model/states';
import { useEntityLabel } from './entity-filter';

type Update = (patch: Partial<ListView> | ((view: ListView) => ListView)) => void;

function Chip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <li className="chip">
      <span>{label}</span>
      <button type="button" className="chip__remove" onClick={onRemove}>
        <span aria-hidden="true">✕</span>
        <span className="visually-hidden">Remove filter {label}</span>
      </button>
    </li>
  );
}

/** Active filters as removable chips, with "Clear all". */
export function FilterChips({ view, update }: { view: ListView; update: Update }) {
  const customer = useEntityLabel('customers', view.customer);
  const project = useEntityLabel('projects', view.project);
  const tenant = useEntityLabel('openstack-tenants', view.tenant);
  const instance = useEntityLabel('openstack-instances', view.instance);
  if (!hasAnyFilter(view)) return null;
  return (
    <div className="chips">
      <h2 className="visually-hidden">Active filters</h2>
      <ul className="chips__list">
        {view.search.trim() ? (
          <Chip label={`Search: “${view.search.trim()}”`} onRemove={() => update({ search: '' })} />
        ) : null}
        {view.states.map((state) => (
          <Chip
            key={state}
            label={`State: ${stateLabel(state)}`}
            onRemove={() => update((v) => ({ ...v, states: v.states.filter((s) => s !== state) }))}
          />
        ))}
        {view.runtime ? (
          <Chip
            label={`Runtime: ${runtimeStateLabel(view.runtime)}`}
            onRemove={() => update({ runtime: '' })}
          />
        ) : null}
        {view.customer ? (
          <Chip label={`Customer: ${customer}`} onRemove={() => update({ customer: '' })} />
        ) : null}
        {view.project ? (
          <Chip label={`Project: ${project}`} onRemove={() => update({ project: '' })} />
        ) : null}
        {view.tenant ? (
          <Chip label={`Tenant: ${tenant}`} onRemove={() => update({ tenant: '' })} />
        ) : null}
        {view.instance ? (
          <Chip label={`Instance: ${instance}`} onRemove={() => update({ instance: '' })} />
        ) : null}
        {view.zone ? (
          <Chip label={`Zone: ${view.zone}`} onRemove={() => update({ zone: '' })} />
        ) : null}
        {view.stuck ? (
          <Chip
            label={`Stuck for over ${STUCK_AFTER_MINUTES} min`}
            onRemove={() => update({ stuck: false })}
          />
        ) : null}
        {view.bootable ? (
          <Chip
            label={view.bootable === 'yes' ? 'Boot volumes only' : 'Data volumes only'}
            onRemove={() => update({ bootable: '' })}
          />
        ) : null}
      </ul>
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        onClick={() => update(withoutFilters)}
      >
        Clear all
      </button>
    </div>
  );
}
