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
  const search = view.search.trim();
  const chips: { key: string; label: string; remove: Parameters<Update>[0] }[] = [
    ...(search ? [{ key: 'search', label: `Search: “${search}”`, remove: { search: '' } }] : []),
    ...view.states.map((state) => ({
      key: `state:${state}`,
      label: `State: ${stateLabel(state)}`,
      remove: (v: ListView) => ({ ...v, states: v.states.filter((s) => s !== state) }),
    })),
    ...(
      [
        ['runtime', view.runtime && `Runtime: ${runtimeStateLabel(view.runtime)}`],
        ['customer', view.customer && `Customer: ${customer}`],
        ['project', view.project && `Project: ${project}`],
        ['tenant', view.tenant && `Tenant: ${tenant}`],
        ['instance', view.instance && `Instance: ${instance}`],
        ['zone', view.zone && `Zone: ${view.zone}`],
      ] as const
    ).flatMap(([key, label]) => (label ? [{ key, label, remove: { [key]: '' } }] : [])),
    ...(view.stuck
      ? [
          {
            key: 'stuck',
            label: `Stuck for over ${STUCK_AFTER_MINUTES} min`,
            remove: { stuck: false },
          },
        ]
      : []),
    ...(view.bootable
      ? [
          {
            key: 'bootable',
            label: view.bootable === 'yes' ? 'Boot volumes only' : 'Data volumes only',
            remove: { bootable: '' as const },
          },
        ]
      : []),
  ];
  return (
    <div className="chips">
      <h2 className="visually-hidden">Active filters</h2>
      <ul className="chips__list">
        {chips.map((chip) => (
          <Chip key={chip.key} label={chip.label} onRemove={() => update(chip.remove)} />
        ))}
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
