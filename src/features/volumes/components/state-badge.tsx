import type { Volume } from '../model/schemas';
import {
  activityLabel,
  runtimeStateLabel,
  runtimeTone,
  stateLabel,
  stateTone,
} from '../model/states';

/** The state as a badge; while an action runs it names it ("Extending"). */
export function StateBadge({ volume }: { volume: Pick<Volume, 'state' | 'action'> }) {
  const tone = stateTone(volume);
  const label = activityLabel(volume);
  const full = volume.action ? `${label} (${stateLabel(volume.state)})` : label;
  return (
    <span className={`badge badge--${tone}`} title={full}>
      {tone === 'progress' ? <span className="badge__pulse" aria-hidden="true" /> : null}
      {label}
      {volume.action && volume.state === 'UPDATE_SCHEDULED' ? (
        <span className="badge__sub"> · scheduled</span>
      ) : null}
      {volume.action && volume.state !== 'UPDATE_SCHEDULED' && volume.state !== 'UPDATING' ? (
        <span className="visually-hidden"> ({stateLabel(volume.state)})</span>
      ) : null}
    </span>
  );
}

export function RuntimeBadge({ runtime }: { runtime: string | null | undefined }) {
  if (runtime === undefined || runtime === null) return <span className="muted">—</span>;
  return (
    <span className={`runtime runtime--${runtimeTone(runtime)}`}>{runtimeStateLabel(runtime)}</span>
  );
}
