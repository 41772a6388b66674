import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId } from 'react';
import { Popover } from '@/components/popover';
import { Spinner } from '@/components/spinner';
import { isApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { useVolumeAction } from '../api/mutations';
import { volumeQueries } from '../api/queries';
import type { Volume } from '../api/schemas';
import { type Availability, asksForInput } from '../model/action-rules';
import { closeAction, openAction, preloadActionDialogs, useOpenAction } from './action-launcher';
import { useActionAvailability } from './use-action-availability';

const ActionDialogs = lazy(() =>
  import('./action-dialogs').then((m) => ({ default: m.ActionDialogs })),
);

/** Pull has no form: it runs at once and reports. */
export function usePull(volume: Volume) {
  const mutation = useVolumeAction(volume);
  const run = () => {
    if (mutation.isPending) return;
    mutation.mutate(
      { action: 'pull' },
      {
        onSuccess: () =>
          notify({
            kind: 'success',
            title: `Pull of ${volume.name ?? volume.uuid} scheduled`,
            message: 'Waldur is re-reading it from OpenStack.',
          }),
        onError: (error) =>
          notify({
            kind: 'error',
            title: `Could not pull ${volume.name ?? volume.uuid}`,
            message: error.message,
            report: isApiError(error) ? error.toReport() : undefined,
            action: { label: 'Try again', run },
          }),
      },
    );
  };
  return { run, isPending: mutation.isPending };
}

function ActionButton({
  availability,
  volume,
  onRun,
  variant,
  isBusy,
  onBeforeOpen,
  afterUnlink,
}: {
  availability: Availability;
  volume: Volume;
  onRun?: () => void;
  variant: 'bar' | 'menu';
  isBusy?: boolean;
  onBeforeOpen?: () => void;
  afterUnlink?: () => void;
}) {
  const reasonId = useId();
  const { id, label, enabled, reason } = availability;
  const danger = id === 'unlink';
  const handleClick = () => {
    if (!enabled || isBusy) return;
    if (id === 'pull') {
      onRun?.();
      return;
    }
    onBeforeOpen?.();
    openAction({ action: id, volume, afterUnlink });
  };
  const className =
    variant === 'bar'
      ? `btn ${danger ? 'btn--danger' : id === 'edit' ? 'btn--secondary' : 'btn--secondary'} btn--sm`
      : `btn btn--ghost menu-item ${danger ? 'menu-item--danger' : ''}`;
  return (
    <span className={variant === 'bar' ? 'tip-host tip-host--button' : 'menu-action'}>
      <button
        type="button"
        className={className}
        aria-disabled={!enabled || undefined}
        aria-describedby={reason ? reasonId : undefined}
        aria-busy={isBusy || undefined}
        data-action={id}
        onClick={handleClick}
        onPointerEnter={enabled && id !== 'pull' ? preloadActionDialogs : undefined}
        onFocus={enabled && id !== 'pull' ? preloadActionDialogs : undefined}
      >
        {isBusy ? <span className="spinner spinner--inline" aria-hidden="true" /> : null}
        {label}
        {asksForInput(id) ? '…' : ''}
      </button>
      {reason ? (
        <span
          id={reasonId}
          className={variant === 'bar' ? 'tip' : 'menu-item__reason'}
          role={variant === 'bar' ? 'tooltip' : undefined}
        >
          {reason}
        </span>
      ) : null}
    </span>
  );
}

/** The detail page's row of actions. */
export function ActionBar({ volume, afterUnlink }: { volume: Volume; afterUnlink?: () => void }) {
  const actions = useActionAvailability(volume);
  const pull = usePull(volume);
  return (
    <div
      className="action-bar"
      role="toolbar"
      aria-label={`Actions for ${volume.name ?? 'this volume'}`}
    >
      {actions
        .filter((a) => a.visible)
        .map((availability) => (
          <ActionButton
            key={availability.id}
            availability={availability}
            volume={volume}
            variant="bar"
            onRun={pull.run}
            isBusy={availability.id === 'pull' && pull.isPending}
            afterUnlink={afterUnlink}
          />
        ))}
    </div>
  );
}

function RowActionsPanel({ row, close }: { row: Volume; close: () => void }) {
  // List rows carry only the visible columns' fields; gating needs the whole volume.
  const detail = useQuery(volumeQueries.detail(row.uuid));
  const volume = detail.data;
  const actions = useActionAvailability(volume);
  const pull = usePull(volume ?? row);
  if (!volume) {
    return detail.isError ? (
      <p className="field__error">Could not load this volume’s actions: {detail.error.message}</p>
    ) : (
      <p className="muted">
        <Spinner label="Loading actions" /> Checking what is possible…
      </p>
    );
  }
  return (
    <div className="menu-panel">
      {actions
        .filter((a) => a.visible)
        .map((availability) => (
          <ActionButton
            key={availability.id}
            availability={availability}
            volume={volume}
            variant="menu"
            onBeforeOpen={close}
            onRun={() => {
              pull.run();
              close();
            }}
            isBusy={availability.id === 'pull' && pull.isPending}
          />
        ))}
    </div>
  );
}

/** Each list row's actions menu. */
export function RowActions({ volume }: { volume: Volume }) {
  return (
    <Popover
      align="end"
      buttonClassName="btn btn--ghost btn--sm row-actions"
      ariaLabel={`Actions for ${volume.name ?? volume.uuid}`}
      // The accessible name is aria-label; the glyph is only what sighted users see.
      label="⋯"
      onOpenChange={(open) => {
        if (open) preloadActionDialogs();
      }}
    >
      {(close) => <RowActionsPanel row={volume} close={close} />}
    </Popover>
  );
}

/** Renders the open action's dialog; its code loads on first use. */
export function ActionDialogHost() {
  const open = useOpenAction();
  // A dialog belongs to the page that opened it: leaving the page closes it.
  useEffect(() => closeAction, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ActionDialogs open={open} onClose={closeAction} />
    </Suspense>
  );
}
