// The snapshots page's table and its filters: a row per snapshot (name linking to its page, state,
// size, source volume linking to the volume, project, retention, age), and the pickers for the
// source volume and the state.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Combobox } from '@/components/combobox';
import { Options, Select } from '@/components/select';
import { Table } from '@/components/table';
import { RelativeTime } from '@/components/time';
import { errorMessage } from '@/lib/api-error';
import { formatDateTime, parseDate } from '@/lib/format';
import { T, useT } from '@/lib/i18n';
import { formatSize } from '@/lib/units';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { uuidFromUrl } from '@/lib/uuid';
import { volumeQueries } from '../api/volumes';
import type { Snapshot } from '../model/schemas';
import { CORE_STATES, stateLabel } from '../model/states';
import { StateBadge } from './state-badge';

export function Retention({ keptUntil }: { keptUntil: string | null | undefined }) {
  const t = useT();
  const date = parseDate(keptUntil);
  if (!date) return <span className="muted">{t('Kept until deleted')}</span>;
  return (
    <span>
      <T
        m="Until <time>{date}</time>"
        v={{ date: formatDateTime(date) }}
        tags={{ time: (c) => <time dateTime={keptUntil ?? undefined}>{c}</time> }}
      />
    </span>
  );
}

/** A volume by name, for the "source volume" filter. */
export function VolumePicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (uuid: string) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(query, 250);
  const options = useQuery({ ...volumeQueries.search(debounced), enabled: open });
  const label = useQuery({ ...volumeQueries.detail(value), enabled: Boolean(value) });
  return (
    <Combobox
      label={t('Source volume')}
      placeholder={t('Any volume')}
      value={value}
      valueLabel={value ? (label.data?.name ?? (label.isError ? value : '…')) : ''}
      onChange={onChange}
      onQueryChange={setQuery}
      onOpenChange={setOpen}
      options={(options.data?.items ?? []).map((v) => ({
        value: v.uuid,
        label: v.name || v.uuid,
        description: v.project_name ?? undefined,
      }))}
      isLoading={options.isPending && options.fetchStatus !== 'idle'}
      error={options.error ? errorMessage(options.error) : null}
    />
  );
}

export function StateSelect({
  value,
  onChange,
}: {
  value: string[];
  onChange: (states: string[]) => void;
}) {
  const t = useT();
  return (
    <Select
      id="snapshot-state"
      label={t('State')}
      value={value.length === 1 ? value[0] : value.length > 1 ? 'several' : ''}
      onChange={(event) => onChange(event.target.value ? [event.target.value] : [])}
    >
      <option value="">{t('Any state')}</option>
      {value.length > 1 ? (
        <option value="several" disabled>
          {t('{count, plural, one {# state} other {# states}}', { count: value.length })}
        </option>
      ) : null}
      <Options choices={CORE_STATES.map((state) => ({ value: state, label: stateLabel(state) }))} />
    </Select>
  );
}

/**
 * Snapshots as a table. `ofOneVolume` leaves out the source volume and project columns, for the
 * volume page's own list.
 */
export function SnapshotTable({
  snapshots,
  caption,
  isBusy,
  ofOneVolume = false,
  children,
}: {
  snapshots: Snapshot[];
  caption: string;
  isBusy?: boolean;
  ofOneVolume?: boolean;
  /** A note under the table. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <Table
        caption={caption}
        isBusy={isBusy}
        columns={[
          t('Name'),
          t('State'),
          { label: t('Size'), numeric: true },
          !ofOneVolume && t('Source volume'),
          !ofOneVolume && t('Project'),
          t('Retention'),
          t('Created'),
        ]}
      >
        {snapshots.map((snapshot) => (
          <tr key={snapshot.uuid}>
            <th scope="row">
              <Link to={`/snapshots/${snapshot.uuid}`}>{snapshot.name || snapshot.uuid}</Link>
              {snapshot.error_message ? (
                <p className="field__error">{snapshot.error_message}</p>
              ) : null}
            </th>
            <td>
              <StateBadge volume={{ state: snapshot.state, action: snapshot.action }} />
            </td>
            <td className="num">{formatSize(snapshot.size)}</td>
            {ofOneVolume ? null : <SourceCells snapshot={snapshot} />}
            <td>
              <Retention keptUntil={snapshot.kept_until} />
            </td>
            <td>
              <RelativeTime value={snapshot.created} />
            </td>
          </tr>
        ))}
      </Table>
      {children}
    </div>
  );
}

function SourceCells({ snapshot }: { snapshot: Snapshot }) {
  const t = useT();
  const volume = uuidFromUrl(snapshot.source_volume);
  return (
    <>
      <td>
        {volume ? (
          <Link to={`/volumes/${volume}`}>{snapshot.source_volume_name ?? volume}</Link>
        ) : (
          <span className="muted">{t('None (its volume is gone)')}</span>
        )}
      </td>
      <td>{snapshot.project_name}</td>
    </>
  );
}
