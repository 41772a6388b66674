// A volume's actions where users meet them: the detail page's action bar and each list row's menu.
// Disabled actions stay, with the reason; the others open their dialog (or, for pull, just run).
import './action-controls.css';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Popover } from '@/components/popover';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n';
import { PHONE, useMediaQuery } from '@/lib/use-media-query';
import { volumeQueries } from '../api/volumes';
import { useActionAvailability } from '../hooks/use-action-availability';
import { usePull } from '../hooks/use-volume-action';
import { type Availability, asksForInput } from '../model/action-rules';
import type { Volume } from '../model/schemas';
import { openDialog, preloadDialog } from '../state/dialogs';

const preloadActionDialogs = () => preloadDialog('action');

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
  const t = useT();
  const reasonId = useId();
  const { id, label, enabled, reason } = availability;
  const danger = id === 'unlink' || id === 'delete';
  const handleClick = () => {
    if (!enabled || isBusy) return;
    if (id === 'pull') {
      onRun?.();
      return;
    }
    onBeforeOpen?.();
    openDialog({ kind: 'action', action: id, volume, afterUnlink });
  };
  const className =
    variant === 'bar'
      ? `btn ${danger ? 'btn--danger' : 'btn--secondary'} btn--sm`
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
        {asksForInput(id) ? t('{action}…', { action: label }) : label}
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

/** On a phone, the actions that stay in the bar; the others are under "More actions". */
const PHONE_BAR: readonly string[] = ['edit', 'attach', 'detach', 'extend'];

/** The detail page's row of actions; on a phone the main ones, and the rest in a menu. */
export function ActionBar({ volume, afterUnlink }: { volume: Volume; afterUnlink?: () => void }) {
  // The page lists the volume's snapshots anyway: delete knows whether they stand in its way.
  const actions = useActionAvailability(volume, { snapshots: true }).filter((a) => a.visible);
  const t = useT();
  const pull = usePull(volume);
  const phone = useMediaQuery(PHONE);
  const button = (availability: Availability, variant: 'bar' | 'menu', close?: () => void) => (
    <ActionButton
      key={availability.id}
      availability={availability}
      volume={volume}
      variant={variant}
      onBeforeOpen={close}
      onRun={() => {
        pull.run();
        close?.();
      }}
      isBusy={availability.id === 'pull' && pull.isPending}
      afterUnlink={afterUnlink}
    />
  );
  const inBar = phone ? actions.filter((a) => PHONE_BAR.includes(a.id)) : actions;
  const inMenu = phone ? actions.filter((a) => !PHONE_BAR.includes(a.id)) : [];
  return (
    <div
      className="action-bar"
      role="toolbar"
      aria-label={
        volume.name ? t('Actions for {name}', { name: volume.name }) : t('Actions for this volume')
      }
    >
      {inBar.map((availability) => button(availability, 'bar'))}
      {inMenu.length > 0 ? (
        <Popover
          label={t('More actions')}
          buttonClassName="btn btn--secondary btn--sm"
          panelLabel={t('More actions')}
          align="end"
        >
          {(close) => (
            <div className="menu-panel">{inMenu.map((a) => button(a, 'menu', close))}</div>
          )}
        </Popover>
      ) : null}
    </div>
  );
}

/** A list row's menu: the row's whole volume is read, then its actions, gated as usual. */
export function RowActionsPanel({ row, close }: { row: Volume; close: () => void }) {
  // List rows carry only the visible columns' fields; gating needs the whole volume.
  const t = useT();
  const detail = useQuery(volumeQueries.detail(row.uuid));
  const volume = detail.data;
  const actions = useActionAvailability(volume);
  const pull = usePull(volume ?? row);
  if (!volume) {
    return detail.isError ? (
      <p className="field__error">
        {t('Could not load this volume’s actions: {error}', { error: detail.error.message })}
      </p>
    ) : (
      <p className="muted">
        <Spinner label={t('Loading actions')} /> {t('Checking what is possible…')}
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
