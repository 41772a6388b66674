// A bulk action over a selection: first a plan (which volumes are eligible, and why the others are
// skipped, by the same rules as one at a time), then a run with at most four requests at once and a
// result per volume, with a retry for the failed ones.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { QueryGate } from '@/components/query-gate';
import { Callout } from '@/components/status';
import { Table } from '@/components/table';
import { errorMessage } from '@/lib/api-error';
import { currentUserQuery } from '@/lib/current-user';
import { T, t, useT } from '@/lib/i18n';
import { runPool } from '@/lib/pool';
import { UnknownOutcomeError } from '@/lib/writes';
import type { ActionRequest, ActionResult } from '../api/volume-actions';
import { useBulkTargets } from '../hooks/use-bulk-targets';
import { confirmVolumeAction, runVolumeAction } from '../hooks/use-volume-action';
import { type Outcome, outcomeText, planBulk } from '../model/bulk';
import {
  BULK_CAP,
  BULK_LABELS,
  type BulkAction,
  bulkDeleteConfirmation,
} from '../model/bulk-actions';
import type { Volume } from '../model/schemas';
import { SNAPSHOT_NAME_PATTERN, snapshotName, timestamp } from '../model/validation';
import type { OpenDialog } from '../state/dialogs';
import './actions.css';

const CONCURRENCY = 4;

/** The run button: "Pull 3 volumes". */
function runLabel(action: BulkAction, count: number) {
  switch (action) {
    case 'pull':
      return t('{count, plural, one {Pull # volume} other {Pull # volumes}}', { count });
    case 'snapshot':
      return t('{count, plural, one {Snapshot # volume} other {Snapshot # volumes}}', { count });
    case 'detach':
      return t('{count, plural, one {Detach # volume} other {Detach # volumes}}', { count });
    case 'delete':
      return t('{count, plural, one {Delete # volume} other {Delete # volumes}}', { count });
  }
}

/** What is planned for an eligible volume, before the run: the action's verb. */
function plannedLabel(action: BulkAction) {
  switch (action) {
    case 'pull':
      return t('Pull');
    case 'snapshot':
      return t('Snapshot', {}, 'verb');
    case 'detach':
      return t('Detach');
    case 'delete':
      return t('Delete');
  }
}

/** "2 of 3 selected volumes can be pulled; 1 will be skipped…", the count in bold. */
function Plan({
  action,
  eligible,
  total,
  skipped,
}: {
  action: BulkAction;
  eligible: number;
  total: number;
  skipped: number;
}) {
  const v = { eligible, total, skipped };
  const tags = { b: (c: ReactNode) => <strong>{c}</strong> };
  switch (action) {
    case 'pull':
      return (
        <T
          m="<b>{eligible} of {total}</b> selected {total, plural, one {volume} other {volumes}} can be pulled{skipped, plural, =0 {.} other {; # will be skipped, each with the reason below.}}"
          v={v}
          tags={tags}
        />
      );
    case 'snapshot':
      return (
        <T
          m="<b>{eligible} of {total}</b> selected {total, plural, one {volume} other {volumes}} can be snapshotted{skipped, plural, =0 {.} other {; # will be skipped, each with the reason below.}}"
          v={v}
          tags={tags}
        />
      );
    case 'detach':
      return (
        <T
          m="<b>{eligible} of {total}</b> selected {total, plural, one {volume} other {volumes}} can be detached{skipped, plural, =0 {.} other {; # will be skipped, each with the reason below.}}"
          v={v}
          tags={tags}
        />
      );
    case 'delete':
      return (
        <T
          m="<b>{eligible} of {total}</b> selected {total, plural, one {volume} other {volumes}} can be deleted{skipped, plural, =0 {.} other {; # will be skipped, each with the reason below.}}"
          v={v}
          tags={tags}
        />
      );
  }
}

export function BulkDialog({
  dialog: request,
  onClose,
}: {
  dialog: Extract<OpenDialog, { kind: 'bulk' }>;
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const user = useQuery(currentUserQuery());
  const targets = useBulkTargets(request.action, request.target);
  const [pattern, setPattern] = useState(SNAPSHOT_NAME_PATTERN);
  const [confirmation, setConfirmation] = useState('');
  const [outcomes, setOutcomes] = useState<Map<string, Outcome>>(new Map());
  const [phase, setPhase] = useState<'plan' | 'running' | 'done'>('plan');
  /** The lost answers Waldur did not show, per volume: "Check again" reads each once more. */
  const unknowns = useRef(new Map<string, UnknownOutcomeError<ActionResult>>());
  const abort = useRef<AbortController | null>(null);
  const date = useMemo(() => timestamp(), []);
  const { action } = request;

  const plan = useMemo(
    () => planBulk(targets.data?.volumes ?? [], action, user.data),
    [targets.data, user.data, action],
  );

  const requestFor = (volume: Volume): ActionRequest =>
    action === 'snapshot'
      ? { action: 'snapshot', body: { name: snapshotName(volume, date, pattern) } }
      : { action };

  const run = async (volumes: Volume[]) => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase('running');
    setOutcomes((current) => {
      const next = new Map(current);
      for (const v of volumes) next.set(v.uuid, { status: 'queued' });
      return next;
    });
    const set = (uuid: string, outcome: Outcome) =>
      setOutcomes((current) => new Map(current).set(uuid, outcome));
    await runPool(
      volumes,
      CONCURRENCY,
      async (volume) => {
        set(volume.uuid, { status: 'running' });
        try {
          await runVolumeAction(queryClient, volume, requestFor(volume));
          set(volume.uuid, { status: 'scheduled' });
        } catch (error) {
          if (error instanceof UnknownOutcomeError) {
            unknowns.current.set(volume.uuid, error as UnknownOutcomeError<ActionResult>);
            set(volume.uuid, { status: 'unknown' });
          } else set(volume.uuid, { status: 'failed', message: errorMessage(error) });
        }
      },
      controller.signal,
    );
    setOutcomes((current) => {
      const next = new Map(current);
      for (const [uuid, outcome] of next)
        if (outcome.status === 'queued') next.set(uuid, { status: 'cancelled' });
      return next;
    });
    setPhase('done');
  };

  /** An unknown outcome is read again, never resent by itself. */
  const checkUnknown = async (volumes: Volume[]) => {
    await runPool(volumes, CONCURRENCY, async (volume) => {
      const unknown = unknowns.current.get(volume.uuid);
      if (!unknown) return;
      const result = await confirmVolumeAction(unknown, volume, requestFor(volume)).catch(
        () => null,
      );
      if (!result) return;
      unknowns.current.delete(volume.uuid);
      setOutcomes((current) => new Map(current).set(volume.uuid, { status: 'scheduled' }));
    });
  };

  const counts = { scheduled: 0, failed: 0, unknown: 0, cancelled: 0, running: 0, queued: 0 };
  for (const outcome of outcomes.values()) counts[outcome.status] += 1;
  const finished = counts.scheduled + counts.failed + counts.unknown + counts.cancelled;
  const withStatus = (status: Outcome['status']) =>
    plan.eligible.filter((v) => outcomes.get(v.uuid)?.status === status);
  const failed = withStatus('failed');
  const unknown = withStatus('unknown');
  const total = targets.data?.total ?? 0;
  const capped = total > (targets.data?.volumes.length ?? 0);
  const tally = {
    scheduled: counts.scheduled,
    failed: counts.failed,
    unknown: counts.unknown,
    cancelled: counts.cancelled,
    skipped: plan.skipped.length,
  };

  // Deleting is confirmed by typing how many volumes go.
  const confirmed =
    action !== 'delete' ||
    confirmation.trim().toLowerCase() === bulkDeleteConfirmation(plan.eligible.length);
  const canRun = plan.eligible.length > 0 && !targets.isPending && confirmed;

  const close = () => {
    abort.current?.abort();
    if (phase === 'done') request.onFinished?.();
    onClose();
  };

  const footer =
    phase === 'plan' ? (
      <>
        <Button onClick={close}>{t('Cancel')}</Button>
        <Button
          variant={action === 'delete' ? 'danger' : 'primary'}
          aria-disabled={!canRun || undefined}
          onClick={() => {
            if (canRun) void run(plan.eligible);
          }}
        >
          {runLabel(action, plan.eligible.length)}
        </Button>
      </>
    ) : phase === 'running' ? (
      <Button onClick={() => abort.current?.abort()}>{t('Stop after the running ones')}</Button>
    ) : (
      <>
        {failed.length > 0 ? (
          <Button onClick={() => void run(failed)}>
            {t('{count, plural, one {Retry the # failed} other {Retry the # failed}}', {
              count: failed.length,
            })}
          </Button>
        ) : null}
        {unknown.length > 0 ? (
          <>
            <Button onClick={() => void checkUnknown(unknown)}>
              {t(
                '{count, plural, one {Check the # unknown again} other {Check the # unknown again}}',
                { count: unknown.length },
              )}
            </Button>
            <Button onClick={() => void run(unknown)}>
              {t(
                '{count, plural, one {Send the # unknown again} other {Send the # unknown again}}',
                { count: unknown.length },
              )}
            </Button>
          </>
        ) : null}
        <Button variant="primary" onClick={close}>
          {t('Done')}
        </Button>
      </>
    );

  return (
    <Dialog open onClose={close} title={t(BULK_LABELS[action].title)} size="lg" footer={footer}>
      <QueryGate
        query={targets}
        loading={t('Reading the current state of the selected volumes')}
        failure={t('Could not read the selected volumes')}
      >
        {(data) => (
          <>
            {capped ? (
              <Callout
                tone="warning"
                title={t('Only the first {cap, plural, one {# volume} other {# volumes}}', {
                  cap: BULK_CAP,
                })}
              >
                <p>
                  {t(
                    '{total, plural, one {# volume matches} other {# volumes match}}; one bulk action takes at most {cap}. Narrow the filters and run it again for the rest.',
                    { total, cap: BULK_CAP },
                  )}
                </p>
              </Callout>
            ) : null}
            {phase === 'plan' ? (
              <p>
                <Plan
                  action={action}
                  eligible={plan.eligible.length}
                  total={data.volumes.length}
                  skipped={plan.skipped.length}
                />
              </p>
            ) : (
              <div className="bulk-progress">
                <progress max={plan.eligible.length} value={finished} aria-label={t('Progress')} />
                <p aria-live="polite">
                  {phase === 'running'
                    ? t(
                        'Running: {scheduled} scheduled, {failed} failed{unknown, plural, =0 {} other {, # unknown}}{cancelled, plural, =0 {} other {, # not started}}{skipped, plural, =0 {} other {, # skipped}}.',
                        tally,
                      )
                    : t(
                        'Finished: {scheduled} scheduled, {failed} failed{unknown, plural, =0 {} other {, # unknown}}{cancelled, plural, =0 {} other {, # not started}}{skipped, plural, =0 {} other {, # skipped}}.',
                        tally,
                      )}
                </p>
              </div>
            )}
            {action === 'snapshot' && phase === 'plan' ? (
              <div className="field">
                <label className="field__label" htmlFor="bulk-snapshot-pattern">
                  {t('Snapshot names')}
                </label>
                <input
                  id="bulk-snapshot-pattern"
                  className="input mono"
                  value={pattern}
                  onChange={(event) => setPattern(event.target.value)}
                  aria-describedby="bulk-snapshot-pattern-hint"
                />
                <p className="field__hint" id="bulk-snapshot-pattern-hint">
                  {t('{name} is the volume’s name, {date} {now}. For example: {example}', {
                    name: '{name}',
                    date: '{date}',
                    now: date,
                    example: plan.eligible[0] ? snapshotName(plan.eligible[0], date, pattern) : '—',
                  })}
                </p>
              </div>
            ) : null}
            {action === 'delete' && phase === 'plan' && plan.eligible.length > 0 ? (
              <>
                <Callout
                  tone="danger"
                  title={t('This deletes the volumes and their data in OpenStack')}
                >
                  <p>{t('Each is a marketplace termination; it cannot be undone.')}</p>
                </Callout>
                <div className="field">
                  <label className="field__label" htmlFor="bulk-delete-confirm">
                    {t('Type “{phrase}” to confirm', {
                      phrase: bulkDeleteConfirmation(plan.eligible.length),
                    })}
                  </label>
                  <input
                    id="bulk-delete-confirm"
                    className="input"
                    autoComplete="off"
                    spellCheck={false}
                    value={confirmation}
                    onChange={(event) => setConfirmation(event.target.value)}
                  />
                </div>
              </>
            ) : null}
            <section
              className="table-wrap bulk-table"
              tabIndex={0}
              aria-label={t('Volumes in this bulk action')}
            >
              <Table
                caption={t('Volumes in this bulk action')}
                columns={[t('Volume'), phase === 'plan' ? t('Plan', {}, 'noun') : t('Result')]}
              >
                {plan.skipped.map(({ volume, reason }) => (
                  <tr key={volume.uuid} className="bulk-row bulk-row--skipped">
                    <th scope="row">{volume.name}</th>
                    <td>{t('Skipped: {reason}', { reason })}</td>
                  </tr>
                ))}
                {plan.eligible.map((volume) => {
                  const outcome = outcomes.get(volume.uuid);
                  return (
                    <tr
                      key={volume.uuid}
                      className={`bulk-row bulk-row--${outcome?.status ?? 'planned'}`}
                    >
                      <th scope="row">{volume.name}</th>
                      <td>{outcome ? outcomeText(outcome) : plannedLabel(action)}</td>
                    </tr>
                  );
                })}
              </Table>
            </section>
          </>
        )}
      </QueryGate>
    </Dialog>
  );
}
