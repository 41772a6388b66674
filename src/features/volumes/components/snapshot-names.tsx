// A list of snapshots by name, each linked to its page, with its state: what stands in the way of
// deleting a volume, or goes with it when it is unlinked.
import { Link } from 'react-router';
import { T, useT } from '@/lib/i18n';
import type { Snapshot } from '../model/schemas';
import { stateLabel } from '../model/states';

/** A volume's snapshots by name and state; linked when `linked` or `onOpen` is given. */
export function SnapshotNames({
  snapshots,
  onOpen,
  linked = Boolean(onOpen),
}: {
  snapshots: Snapshot[];
  /** Called when a link is followed (a dialog closes). */
  onOpen?: () => void;
  linked?: boolean;
}) {
  useT(); // the states' labels follow the language
  return (
    <ul className="compact-list">
      {snapshots.map((snapshot) => (
        <li key={snapshot.uuid}>
          <T
            m="{name} <muted>({state})</muted>"
            v={{
              name: linked ? (
                <Link to={`/snapshots/${snapshot.uuid}`} onClick={onOpen}>
                  {snapshot.name}
                </Link>
              ) : (
                snapshot.name
              ),
              state: stateLabel(snapshot.state),
            }}
            tags={{ muted: (c) => <span className="muted">{c}</span> }}
          />
        </li>
      ))}
    </ul>
  );
}
