import { formatInteger } from '@/lib/format';
import { useT } from '@/lib/i18n';
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
  const t = useT();
  return (
    <li className="chip">
      <span>{label}</span>
      <button type="button" className="chip__remove" onClick={onRemove}>
        <span aria-hidden="true">✕</span>
        <span className="visually-hidden">{t('Remove filter {filter}', { filter: label })}</span>
      </button>
    </li>
  );
}

/** Active filters as removable chips, with "Clear all". */
export function FilterChips({ view, update }: { view: ListView; update: Update }) {
  const t = useT();
  const customer = useEntityLabel('customers', view.customer);
  const project = useEntityLabel('projects', view.project);
  const tenant = useEntityLabel('openstack-tenants', view.tenant);
  const instance = useEntityLabel('openstack-instances', view.instance);
  if (!hasAnyFilter(view)) return null;
  const chips: { key: string; label: string; remove: Parameters<Update>[0] }[] = [];
  const add = (key: string, label: string, remove: Parameters<Update>[0]) =>
    chips.push({ key, label, remove });
  const search = view.search.trim();
  if (search) add('search', t('Search: “{search}”', { search }), { search: '' });
  for (const state of view.states) {
    add(`state:${state}`, t('State: {state}', { state: stateLabel(state) }), (v) => ({
      ...v,
      states: v.states.filter((s) => s !== state),
    }));
  }
  if (view.runtime)
    add('runtime', t('Runtime: {state}', { state: runtimeStateLabel(view.runtime) }), {
      runtime: '',
    });
  if (view.customer) add('customer', t('Customer: {name}', { name: customer }), { customer: '' });
  if (view.project) add('project', t('Project: {name}', { name: project }), { project: '' });
  if (view.tenant) add('tenant', t('Tenant: {name}', { name: tenant }), { tenant: '' });
  if (view.instance) add('instance', t('Instance: {name}', { name: instance }), { instance: '' });
  if (view.zone) add('zone', t('Zone: {zone}', { zone: view.zone }), { zone: '' });
  if (view.stuck)
    add(
      'stuck',
      t('Stuck for over {minutes} min', { minutes: formatInteger(STUCK_AFTER_MINUTES) }),
      { stuck: false },
    );
  if (view.bootable) {
    const only = view.bootable === 'yes' ? t('Boot volumes only') : t('Data volumes only');
    add('bootable', only, { bootable: '' });
  }
  return (
    <div className="chips">
      <h2 className="visually-hidden">{t('Active filters')}</h2>
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
        {t('Clear all')}
      </button>
    </div>
  );
}
