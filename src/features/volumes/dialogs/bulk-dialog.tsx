// A bulk action over a selection: first a plan (which volumes are eligible, and why the others are
// skipped, by the same rules as one at a time), then a run with at most four requests at once and a
// result per volume, with a retry for the failed ones.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { QueryGate } from '@/components/query-gate';
import { Callout } from '@/components/status';
import { Table } from '@/components/table';
import { errorMessage } from '@/lib/api-error';
import { currentUserQuery } from '@/lib/current-user';
import { formatInteger } from '@/lib/format';
import { runPool } from '@/lib/pool';
import { UnknownOutcomeError } from '@/lib/writes';
import type { ActionRequest, ActionResult } from '../api/volume-actions';
import { useBulkTargets } from '../hooks/use-bulk-targets';
import { confirmVolumeAction, runVolumeAction } from '../hooks/use-volume-action';
import { type Outcome, outcomeText, planBulk } from '../model/bulk';
import { BULK_CAP, BULK_LABELS, bulkDeleteConfirmation } from '../model/bulk-actions';
import type { Volume } from '../model/schemas';
import { SNAPSHOT_NAME_PATTERN, snapshotName, timestamp } from '../model/validation';
import type { OpenDialog } from '../state/dialogs';
import './actions.css';

const CONCURRENCY = 4;

export function BulkDialog({
  dialog: request,
  onClose,
}: {
  dialog: Extract<OpenDialog, { kind: 'bulk' }>;
  onClose: () => void;
}) {
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
        <Button onClick={close}>Cancel</Button>
        <Button
          variant={action === 'delete' ? 'danger' : 'primary'}
          aria-disabled={!canRun || undefined}
          onClick={() => {
            if (canRun) void run(plan.eligible);
          }}
        >
          {BULK_LABELS[action].verb} {plan.eligible.length}{' '}
          {plan.eligible.length === 1 ? 'volume' : 'volumes'}
        </Button>
      </>
    ) : phase === 'running' ? (
      <Button onClick={() => abort.current?.abort()}>Stop after the running ones</Button>
    ) : (
      <>
        {failed.length > 0 ? (
          <Button onClick={() => void run(failed)}>Retry the {failed.length} failed</Button>
        ) : null}
        {unknown.length > 0 ? (
          <>
            <Button onClick={() => void checkUnknown(unknown)}>
              Check the {unknown.length} unknown again
            </Button>
            <Button onClick={() => void run(unknown)}>
              Send the {unknown.length} unknown again
            </Button>
          </>
        ) : null}
        <Button variant="primary" onClick={close}>
          Done
        </Button>
      </>
    );

  return (
    <Dialog open onClose={close} title={BULK_LABELS[action].title} size="lg" footer={footer}>
      <QueryGate
        query={targets}
        loading="Reading the current state of the selected volumes"
        failure="Could not read the selected volumes"
      >
        {(data) => (
          <>
            {capped ? (
              <Callout tone="warning" title={`Only the first ${formatInteger(BULK_CAP)} volumes`}>
                <p>
                  {formatInteger(total)} volumes match; one bulk action takes at most{' '}
                  {formatInteger(BULK_CAP)}. Narrow the filters and run it again for the rest.
                </p>
              </Callout>
            ) : null}
            {phase === 'plan' ? (
              <p>
                <strong>
                  {plan.eligible.length} of {data.volumes.length}
                </strong>{' '}
                selected {data.volumes.length === 1 ? 'volume' : 'volumes'} can be{' '}
                {BULK_LABELS[action].done}
                {plan.skipped.length > 0
                  ? `; ${plan.skipped.length} will be skipped, each with the reason below.`
                  : '.'}
              </p>
            ) : (
              <div className="bulk-progress">
                <progress max={plan.eligible.length} value={finished} aria-label="Progress" />
                <p aria-live="polite">
                  {phase === 'running' ? 'Running: ' : 'Finished: '}
                  {counts.scheduled} scheduled, {counts.failed} failed
                  {counts.unknown ? `, ${counts.unknown} unknown` : ''}
                  {counts.cancelled ? `, ${counts.cancelled} not started` : ''}
                  {plan.skipped.length ? `, ${plan.skipped.length} skipped` : ''}.
                </p>
              </div>
            )}
            {action === 'snapshot' && phase === 'plan' ? (
              <div className="field">
                <label className="field__label" htmlFor="bulk-snapshot-pattern">
                  Snapshot names
                </label>
                <input
                  id="bulk-snapshot-pattern"
                  className="input mono"
                  value={pattern}
                  onChange={(event) => setPattern(event.target.value)}
                  aria-describedby="bulk-snapshot-pattern-hint"
                />
                <p className="field__hint" id="bulk-snapshot-pattern-hint">
                  {'{name}'} is the volume’s name, {'{date}'} {date}. For example:{' '}
                  {plan.eligible[0] ? snapshotName(plan.eligible[0], date, pattern) : '—'}
                </p>
              </div>
            ) : null}
            {action === 'delete' && phase === 'plan' && plan.eligible.length > 0 ? (
              <>
                <Callout tone="danger" title="This deletes the volumes and their data in OpenStack">
                  <p>Each is a marketplace termination; it cannot be undone.</p>
                </Callout>
                <div className="field">
                  <label className="field__label" htmlFor="bulk-delete-confirm">
                    Type “{bulkDeleteConfirmation(plan.eligible.length)}” to confirm
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
              aria-label="Volumes in this bulk action"
            >
              <Table
                caption="Volumes in this bulk action"
                columns={['Volume', phase === 'plan' ? 'Plan' : 'Result']}
              >
                {plan.skipped.map(({ volume, reason }) => (
                  <tr key={volume.uuid} className="bulk-row bulk-row--skipped">
                    <th scope="row">{volume.name}</th>
                    <td>Skipped: {reason}</td>
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
                      <td>{outcome ? outcomeText(outcome) : BULK_LABELS[action].verb}</td>
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
