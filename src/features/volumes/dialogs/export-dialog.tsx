import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Callout } from '@/components/status';
import { errorMessage } from '@/lib/api-error';
import { download } from '@/lib/download';
import { msg, useT } from '@/lib/i18n';
import { fetchAllMatching } from '../api/volumes';
import { COLUMNS } from '../model/columns';
import {
  EXPORT_CAP,
  exportFields,
  fieldHeader,
  labelHeader,
  requestFields,
  toCsv,
  toJson,
} from '../model/export';
import type { OpenDialog } from '../state/dialogs';
import './actions.css';

type Phase =
  | { kind: 'ready' }
  | { kind: 'fetching'; loaded: number; total: number }
  | { kind: 'done'; rows: number; filename: string; capped: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** Exports the list's current view, every page of it (page_size=300, field=), as CSV or JSON. */
const EXPORT_FORMATS = [
  ['csv', msg('CSV (spreadsheets)')],
  ['json', msg('JSON')],
] as const;

export function ExportDialog({
  dialog: { params, columns, total },
  onClose,
}: {
  dialog: Extract<OpenDialog, { kind: 'export' }>;
  onClose: () => void;
}) {
  const t = useT();
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [headers, setHeaders] = useState<'fields' | 'labels'>('fields');
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const controller = useRef<AbortController | null>(null);
  // The dialog names the columns in the reader's language; the file's keys stay as they are.
  const labels = COLUMNS.filter((c) => columns.includes(c.id)).map((c) => t(c.label));

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'fetching', loaded: 0, total: Math.min(total, EXPORT_CAP) });
    try {
      const all = await fetchAllMatching(params, {
        fields: requestFields(columns),
        signal: abort.signal,
        cap: EXPORT_CAP,
        onProgress: (loaded, of) => setPhase({ kind: 'fetching', loaded, total: of }),
      });
      const fields = exportFields(columns);
      const date = new Date().toISOString().slice(0, 16).replace(':', '');
      const filename = `volumes-${date}.${format}`;
      const header = headers === 'labels' ? labelHeader((label) => t(label)) : fieldHeader;
      if (format === 'csv')
        download(filename, toCsv(all.items, fields, header), 'text/csv;charset=utf-8');
      else download(filename, toJson(all.items, fields, header), 'application/json');
      setPhase({
        kind: 'done',
        rows: all.items.length,
        filename,
        capped: all.total > all.items.length,
      });
    } catch (error) {
      if (abort.signal.aborted) setPhase({ kind: 'cancelled' });
      else setPhase({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const close = () => {
    controller.current?.abort();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={close}
      title={t('Export volumes')}
      description={t(
        '{total, plural, one {The # volume of this view, in its order, with its columns ({columns}). At most {cap} volumes.} other {The # volumes of this view, in its order, with its columns ({columns}). At most {cap} volumes.}}',
        { total, columns: labels.join(', '), cap: EXPORT_CAP },
      )}
      footer={
        phase.kind === 'fetching' ? (
          <Button onClick={() => controller.current?.abort()}>{t('Cancel export')}</Button>
        ) : (
          <>
            <Button onClick={close}>{phase.kind === 'done' ? t('Done') : t('Cancel')}</Button>
            <Button variant="primary" onClick={() => void start()}>
              {phase.kind === 'done'
                ? t('Export again')
                : t('Export as {format}', { format: format.toUpperCase() })}
            </Button>
          </>
        )
      }
    >
      <fieldset className="choice-list" disabled={phase.kind === 'fetching'}>
        <legend className="field__label">{t('Format')}</legend>
        {EXPORT_FORMATS.map(([value, label]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="export-format"
              checked={format === value}
              onChange={() => setFormat(value)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-list" disabled={phase.kind === 'fetching'}>
        <legend className="field__label">{t('Column headers')}</legend>
        <label className="radio">
          <input
            type="radio"
            name="export-headers"
            checked={headers === 'fields'}
            onChange={() => setHeaders('fields')}
          />
          {t('Field names, as the API spells them (for scripts)')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="export-headers"
            checked={headers === 'labels'}
            onChange={() => setHeaders('labels')}
          />
          {t('Labels in my language')}
        </label>
      </fieldset>
      {total > EXPORT_CAP ? (
        <Callout tone="warning">
          <p>
            {t(
              'This view has {total, plural, one {# volume} other {# volumes}}; the export stops at the first {cap}. Narrow the filters to export the rest.',
              { total, cap: EXPORT_CAP },
            )}
          </p>
        </Callout>
      ) : null}
      <div aria-live="polite">
        {phase.kind === 'fetching' ? (
          <div className="bulk-progress">
            <progress
              max={Math.max(phase.total, 1)}
              value={phase.loaded}
              aria-label={t('Export progress')}
            />
            <p>
              {t('Fetched {loaded} of {total, plural, one {# volume} other {# volumes}}…', {
                loaded: phase.loaded,
                total: phase.total,
              })}
            </p>
          </div>
        ) : phase.kind === 'done' ? (
          <Callout tone="success" title={t('Exported')}>
            <p>
              {phase.capped
                ? t(
                    '{filename}: {rows, plural, one {# volume} other {# volumes}} (stopped at {cap}).',
                    { filename: phase.filename, rows: phase.rows, cap: EXPORT_CAP },
                  )
                : t('{filename}: {rows, plural, one {# volume} other {# volumes}}.', {
                    filename: phase.filename,
                    rows: phase.rows,
                  })}
            </p>
          </Callout>
        ) : phase.kind === 'cancelled' ? (
          <Callout tone="info">
            <p>{t('Export cancelled; nothing was downloaded.')}</p>
          </Callout>
        ) : phase.kind === 'failed' ? (
          <Callout tone="danger" role="alert" title={t('The export failed')}>
            <p>{t('{error} Export again to retry.', { error: phase.message })}</p>
          </Callout>
        ) : null}
      </div>
    </Dialog>
  );
}
