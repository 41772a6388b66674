import { T, useT } from '@/lib/i18n';
import type { Volume } from '../model/schemas';
import {
  activityLabel,
  isInProgress,
  runtimeStateLabel,
  runtimeTone,
  stateLabel,
  stateTone,
} from '../model/states';

/**
 * The state as a badge; while an action runs it names it ("Extending", "Extending · scheduled").
 * An action left over on a settled volume is not shown here (the support panel shows it).
 */
export function StateBadge({ volume }: { volume: Pick<Volume, 'state' | 'action'> }) {
  const t = useT();
  const tone = stateTone(volume);
  const label = activityLabel(volume);
  const running = Boolean(volume.action) && isInProgress(volume);
  return (
    <span
      className={`badge badge--${tone}`}
      title={
        running
          ? t('{activity} ({state})', { activity: label, state: stateLabel(volume.state) })
          : label
      }
    >
      {tone === 'progress' ? <span className="badge__pulse" aria-hidden="true" /> : null}
      {running && volume.state?.endsWith('_SCHEDULED') ? (
        <T
          m="{activity}<sub> · scheduled</sub>"
          v={{ activity: label }}
          tags={{ sub: (c) => <span className="badge__sub">{c}</span> }}
        />
      ) : (
        label
      )}
    </span>
  );
}

export function RuntimeBadge({ runtime }: { runtime: string | null | undefined }) {
  useT(); // the label follows the language
  if (runtime === undefined || runtime === null) return <span className="muted">—</span>;
  return (
    <span className={`runtime runtime--${runtimeTone(runtime)}`}>{runtimeStateLabel(runtime)}</span>
  );
}
