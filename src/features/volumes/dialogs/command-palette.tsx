import './keyboard.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '@/components/dialog';
import { volumeQueries } from '../api/volumes';
import { useActionAvailability } from '../hooks/use-action-availability';
import { usePull } from '../hooks/use-volume-action';
import { asksForInput } from '../model/action-rules';
import { BULK_ACTIONS, type BulkAction } from '../model/bulk-actions';
import type { Volume } from '../model/schemas';
import { type OpenDialog, openDialog } from '../state/dialogs';
import { SUPPORT_VIEWS, useSavedViews } from '../state/saved-views';

interface Command {
  id: string;
  group: string;
  label: string;
  /** Why it cannot run now; shown, and the command stays in the list. */
  disabled?: string;
  run: () => void;
}

/** Commands about the current row's volume: open it, and each of its actions, gated as usual. */
function useVolumeCommands(row: Volume | undefined, close: () => void): Command[] {
  const navigate = useNavigate();
  const detail = useQuery({ ...volumeQueries.detail(row?.uuid ?? ''), enabled: Boolean(row) });
  const volume = detail.data ?? row;
  const actions = useActionAvailability(detail.data);
  const pull = usePull(volume ?? ({ uuid: '' } as Volume));
  if (!volume) return [];
  const name = volume.name ?? volume.uuid;
  const commands: Command[] = [
    {
      id: 'open',
      group: name,
      label: `Open ${name}`,
      run: () => navigate(`/volumes/${volume.uuid}`),
    },
  ];
  for (const availability of actions.filter((a) => a.visible)) {
    commands.push({
      id: `action-${availability.id}`,
      group: name,
      label: `${availability.label} ${name}${asksForInput(availability.id) ? '…' : ''}`,
      disabled: availability.enabled ? undefined : availability.reason,
      run: () => {
        close();
        if (availability.id === 'pull') pull.run();
        else openDialog({ kind: 'action', action: availability.id, volume: detail.data! });
      },
    });
  }
  if (detail.isPending) {
    commands.push({
      id: 'checking',
      group: name,
      label: 'Checking what is possible…',
      disabled: 'Loading the volume',
      run: () => {},
    });
  }
  return commands;
}

/**
 * Type to find a command, arrows to choose, Enter to run. A WAI-ARIA combobox over a listbox inside
 * a modal dialog; disabled commands stay listed with their reason.
 */
export function CommandPalette({
  dialog: { row, selection, onExport },
  onClose,
}: {
  dialog: Extract<OpenDialog, { kind: 'palette' }>;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const saved = useSavedViews();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const volumeCommands = useVolumeCommands(row, onClose);

  const commands = useMemo(() => {
    const list: Command[] = [...volumeCommands];
    if (selection.count > 0 && selection.target) {
      const target = selection.target;
      const bulk = (action: BulkAction, label: string) => ({
        id: `bulk-${action}`,
        group: 'Selection',
        label: `${label} (${selection.count} selected)…`,
        run: () => openDialog({ kind: 'bulk', action, target, onFinished: selection.clear }),
      });
      list.push(...BULK_ACTIONS.map((action) => bulk(action.id, action.label)), {
        id: 'clear-selection',
        group: 'Selection',
        label: 'Clear the selection',
        run: () => {
          selection.clear();
          onClose();
        },
      });
    }
    for (const view of [...SUPPORT_VIEWS, ...saved]) {
      list.push({
        id: `view-${view.name}`,
        group: 'Views',
        label: `Show ${view.name}`,
        run: () => {
          onClose();
          navigate(`/volumes${view.search ? `?${view.search}` : ''}`);
        },
      });
    }
    list.push(
      {
        id: 'all',
        group: 'List',
        label: 'Show all volumes (clear filters)',
        run: () => {
          onClose();
          navigate('/volumes');
        },
      },
      {
        id: 'export',
        group: 'List',
        label: 'Export this view…',
        run: onExport,
      },
      {
        id: 'new-volume',
        group: 'Volumes',
        label: 'New volume…',
        run: () => openDialog({ kind: 'create' }),
      },
      {
        id: 'snapshots',
        group: 'Go to',
        label: 'Snapshots',
        run: () => {
          onClose();
          navigate('/snapshots');
        },
      },
      {
        id: 'help',
        group: 'List',
        label: 'Keyboard shortcuts',
        run: () => openDialog({ kind: 'help' }),
      },
    );
    return list;
  }, [volumeCommands, selection, saved, navigate, onClose, onExport]);

  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = commands.filter((c) =>
    words.every((w) => `${c.group} ${c.label}`.toLowerCase().includes(w)),
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const run = (command: Command | undefined) => {
    if (command && !command.disabled) command.run();
  };

  return (
    <Dialog open onClose={onClose} title="Commands" initialFocus={inputRef} size="lg">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Find a command
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown[current] ? `${id}-${shown[current].id}` : undefined}
        placeholder={
          row ? `An action on ${row.name}, a view, export…` : 'A view, export, the selection…'
        }
        value={query}
        autoComplete="off"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive(Math.min(current + 1, shown.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            run(shown[current]);
          }
        }}
      />
      <div id={`${id}-list`} role="listbox" aria-label="Commands" className="palette">
        {shown.length === 0 ? <p className="muted">No command matches “{query}”.</p> : null}
        {shown.map((command, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keyboard (arrows, Enter)
          <div
            key={command.id}
            id={`${id}-${command.id}`}
            role="option"
            aria-selected={index === current}
            aria-disabled={command.disabled ? true : undefined}
            className="palette__option"
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span className="palette__group">{command.group}</span>
            <span className="palette__label">{command.label}</span>
            {command.disabled ? <span className="palette__reason">{command.disabled}</span> : null}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
