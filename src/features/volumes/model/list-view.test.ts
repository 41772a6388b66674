// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, columnById, DEFAULT_COLUMNS, sortKeyOf } from './columns';
import {
  activeFilterCount,
  EMPTY_VIEW,
  fieldsFor,
  hasAnyFilter,
  orderedColumns,
  PRESETS,
  parseView,
  presetOff,
  ROW_FIELDS,
  STUCK_AFTER_MINUTES,
  viewToParams,
  viewToSearch,
  withoutFilters,
} from './list-view';
import { TRANSITIONAL_STATES } from './states';

const HEX = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
const view = (search: string) => parseView(new URLSearchParams(search));

describe('the list view in the URL', () => {
  it('an empty URL is the default view', () => {
    expect(view('')).toEqual(EMPTY_VIEW);
    expect(viewToSearch(EMPTY_VIEW).toString()).toBe('');
  });

  it('reads every part, and writes it back the same way (defaults left out)', () => {
    const search = `q=data&state=ERRED&state=OK&runtime=in-use&customer=${HEX}&project=${HEX}&tenant=${HEX}&instance=${HEX}&zone=nova&stuck=1&bootable=no&sort=-size&page=3&size=50&cols=name,size`;
    const parsed = view(search);
    expect(parsed).toEqual({
      search: 'data',
      states: ['ERRED', 'OK'],
      runtime: 'in-use',
      customer: HEX,
      project: HEX,
      tenant: HEX,
      instance: HEX,
      zone: 'nova',
      stuck: true,
      bootable: 'no',
      sort: '-size',
      page: 3,
      pageSize: 50,
      columns: ['name', 'size'],
    });
    expect(viewToSearch(parsed).toString()).toBe(new URLSearchParams(search).toString());
  });

  it('ignores what it cannot use: unknown states, malformed UUIDs, odd sizes, sorts and pages', () => {
    expect(
      view(
        'state=Erred&state=ERRED&state=ERRED&project=nope&size=7&sort=colour&page=-2&bootable=maybe&stuck=yes',
      ),
    ).toEqual({ ...EMPTY_VIEW, states: ['ERRED'] });
    expect(view('page=1.5').page).toBe(1);
    expect(view('page=0').page).toBe(1);
    expect(view('bootable=yes').bootable).toBe('yes');
    expect(view('sort=name').sort).toBe('name');
    expect(view('sort=-created').sort).toBe('-created');
  });

  it('always shows the name column, once', () => {
    expect(view('cols=size,state,size').columns).toEqual(['name', 'size', 'state']);
    expect(view('cols=bogus').columns).toEqual(DEFAULT_COLUMNS);
    expect(view('cols=state,name').columns).toEqual(['state', 'name']);
    expect(orderedColumns(view('cols=state,name'))).toEqual(['name', 'state']);
    // The default set is left out of the URL, another is written.
    expect(viewToSearch({ ...EMPTY_VIEW, columns: ['name'] }).get('cols')).toBe('name');
    expect(
      viewToSearch({ ...EMPTY_VIEW, columns: [...DEFAULT_COLUMNS].reverse() }).get('cols'),
    ).toBe([...DEFAULT_COLUMNS].reverse().join(','));
    const other = COLUMN_IDS.find((c) => !DEFAULT_COLUMNS.includes(c))!;
    const oneSwapped = [...DEFAULT_COLUMNS.slice(0, -1), other];
    expect(viewToSearch({ ...EMPTY_VIEW, columns: oneSwapped }).get('cols')).toBe(
      oneSwapped.join(','),
    );
    expect(viewToSearch({ ...EMPTY_VIEW, columns: [...DEFAULT_COLUMNS] }).get('cols')).toBeNull();
  });

  it('no state filter asks for no state', () => {
    expect(viewToParams(EMPTY_VIEW).filters).not.toHaveProperty('state', []);
    expect(viewToParams(EMPTY_VIEW).filters.state).toBeUndefined();
  });
});

describe('the request a view makes', () => {
  it('sorts the states, trims the search, asks for exactly the visible columns’ fields', () => {
    const params = viewToParams(
      view(`q=%20data%20&state=OK&state=ERRED&project=${HEX}&sort=name&page=2&cols=name,size`),
    );
    expect(params).toEqual({
      search: 'data',
      filters: {
        state: ['ERRED', 'OK'],
        runtime_state: undefined,
        customer_uuid: undefined,
        project_uuid: HEX,
        tenant_uuid: undefined,
        instance_uuid: undefined,
        availability_zone_name: undefined,
      },
      ordering: 'name',
      page: 2,
      pageSize: 25,
      fields: [...new Set([...ROW_FIELDS, 'size'])].sort(),
      clientFilters: undefined,
    });
    expect(viewToParams(EMPTY_VIEW)).toMatchObject({ search: undefined, ordering: undefined });
  });

  it('stuck and bootable are filtered in the browser', () => {
    expect(viewToParams(view('stuck=1')).clientFilters).toEqual({
      stuckForMinutes: STUCK_AFTER_MINUTES,
    });
    expect(viewToParams(view('bootable=yes')).clientFilters).toEqual({ bootable: true });
    expect(viewToParams(view('bootable=no&stuck=1')).clientFilters).toEqual({
      stuckForMinutes: STUCK_AFTER_MINUTES,
      bootable: false,
    });
  });

  it('a column brings its own fields', () => {
    expect(fieldsFor(['name', 'instance'])).toEqual(
      [...new Set([...ROW_FIELDS, 'instance', 'instance_name', 'device'])].sort(),
    );
    expect(sortKeyOf(columnById('instance'))).toBe('instance_name');
    expect(sortKeyOf(columnById('type'))).toBeUndefined();
  });
});

describe('filters and presets', () => {
  it('counts the filters in use; a search alone is not one', () => {
    expect(activeFilterCount(EMPTY_VIEW)).toBe(0);
    expect(
      activeFilterCount(
        view(`state=OK&runtime=available&zone=nova&stuck=1&bootable=yes&tenant=${HEX}`),
      ),
    ).toBe(6);
    expect(hasAnyFilter(view('q=x'))).toBe(true);
    expect(hasAnyFilter(view('q=%20'))).toBe(false);
    expect(hasAnyFilter(view('stuck=1'))).toBe(true);
    expect(hasAnyFilter(EMPTY_VIEW)).toBe(false);
  });

  it('clearing filters keeps sort, page size and columns', () => {
    const busy = view(`q=x&state=OK&sort=-size&size=50&cols=name,size&project=${HEX}&page=4`);
    expect(withoutFilters(busy)).toEqual({
      ...EMPTY_VIEW,
      sort: '-size',
      pageSize: 50,
      columns: ['name', 'size'],
      page: 4,
    });
  });

  it('each preset applies, knows when it is on, and clears what it set', () => {
    for (const preset of PRESETS) {
      const on = preset.apply(EMPTY_VIEW);
      expect(preset.isActive(on), preset.id).toBe(true);
      expect(preset.isActive(EMPTY_VIEW), preset.id).toBe(false);
      expect(presetOff(preset.id, on), preset.id).toEqual(EMPTY_VIEW);
    }
    const inProgress = PRESETS.find((p) => p.id === 'in-progress')!;
    expect(inProgress.apply(EMPTY_VIEW).states).toEqual(TRANSITIONAL_STATES);
    expect(inProgress.isActive({ ...EMPTY_VIEW, states: TRANSITIONAL_STATES.slice(1) })).toBe(
      false,
    );
    expect(
      inProgress.isActive({ ...EMPTY_VIEW, states: [...TRANSITIONAL_STATES.slice(1), 'OK'] }),
    ).toBe(false);
    const erred = PRESETS.find((p) => p.id === 'erred')!;
    expect(erred.isActive({ ...EMPTY_VIEW, states: ['ERRED', 'OK'] })).toBe(false);
    expect(erred.isActive({ ...EMPTY_VIEW, states: ['OK'] })).toBe(false);
  });
});
