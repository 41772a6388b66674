import './keyboard.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '@/components/dialog';
import { t, useT } from '@/lib/i18n';
import { volumeQueries } from '../api/volumes';
import { useActionAvailability } from '../hooks/use-action-availability';
import { usePull } from '../hooks/use-volume-action';
import type { ActionId } from '../model/action-rules';
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

/**
 * An action on the volume, as a command: "Extend data-01…". The ellipsis says the action asks for
 * more before it runs (model/action-rules `asksForInput`: all but pull and detach).
 */
function actionCommand(id: ActionId, name: string): string {
  switch (id) {
    case 'edit':
      return t('Edit {name}…', { name });
    case 'attach':
      return t('Attach {name}…', { name });
    case 'detach':
      return t('Detach {name}', { name });
    case 'extend':
      return t('Extend {name}…', { name });
    case 'retype':
      return t('Retype {name}…', { name });
    case 'snapshot':
      return t('Create snapshot {name}…', { name });
    case 'pull':
      return t('Pull {name}', { name });
    case 'delete':
      return t('Delete {name}…', { name });
    case 'unlink':
      return t('Unlink {name}…', { name });
    case 'set_ok':
      return t('Mark {name} as OK…', { name });
    case 'set_erred':
      return t('Mark {name} as erred…', { name });
  }
}

/** A bulk action on the selection, as a command: "Pull (3 selected)…". */
function bulkCommand(action: BulkAction, count: number): string {
  switch (action) {
    case 'pull':
      return t('{count, plural, one {Pull (# selected)…} other {Pull (# selected)…}}', { count });
    case 'snapshot':
      return t(
        '{count, plural, one {Create snapshots (# selected)…} other {Create snapshots (# selected)…}}',
        { count },
      );
    case 'detach':
      return t('{count, plural, one {Detach (# selected)…} other {Detach (# selected)…}}', {
        count,
      });
    case 'delete':
      return t('{count, plural, one {Delete (# selected)…} other {Delete (# selected)…}}', {
        count,
      });
  }
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
      label: t('Open {name}', { name }),
      run: () => navigate(`/volumes/${volume.uuid}`),
    },
  ];
  for (const availability of actions.filter((a) => a.visible)) {
    commands.push({
      id: `action-${availability.id}`,
      group: name,
      label: actionCommand(availability.id, name),
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
      label: t('Checking what is possible…'),
      disabled: t('Loading the volume'),
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
  const t = useT();
  const navigate = useNavigate();
  const saved = useSavedViews();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const volumeCommands = useVolumeCommands(row, onClose);

  // Made on every render (a few dozen at most), so that they are in the language of the moment.
  const commands = (() => {
    const list: Command[] = [...volumeCommands];
    if (selection.count > 0 && selection.target) {
      const target = selection.target;
      const bulk = (action: BulkAction) => ({
        id: `bulk-${action}`,
        group: t('Selection'),
        label: bulkCommand(action, selection.count),
        run: () => openDialog({ kind: 'bulk', action, target, onFinished: selection.clear }),
      });
      list.push(...BULK_ACTIONS.map((action) => bulk(action.id)), {
        id: 'clear-selection',
        group: t('Selection'),
        label: t('Clear the selection'),
        run: () => {
          selection.clear();
          onClose();
        },
      });
    }
    // A support view's name is the console's words; a saved view's, the name its user gave it.
    const views = [
      ...SUPPORT_VIEWS.map((view) => ({ ...view, shown: t(view.name) })),
      ...saved.map((view) => ({ ...view, shown: view.name })),
    ];
    for (const view of views) {
      list.push({
        id: `view-${view.name}`,
        group: t('Views'),
        label: t('Show {view}', { view: view.shown }),
        run: () => {
          onClose();
          navigate(`/volumes${view.search ? `?${view.search}` : ''}`);
        },
      });
    }
    list.push(
      {
        id: 'all',
        group: t('List'),
        label: t('Show all volumes (clear filters)'),
        run: () => {
          onClose();
          navigate('/volumes');
        },
      },
      {
        id: 'export',
        group: t('List'),
        label: t('Export this view…'),
        run: onExport,
      },
      {
        id: 'new-volume',
        group: t('Volumes'),
        label: t('New volume…'),
        run: () => openDialog({ kind: 'create' }),
      },
      {
        id: 'snapshots',
        group: t('Go to'),
        label: t('Snapshots'),
        run: () => {
          onClose();
          navigate('/snapshots');
        },
      },
      {
        id: 'help',
        group: t('List'),
        label: t('Keyboard shortcuts'),
        run: () => openDialog({ kind: 'help' }),
      },
    );
    return list;
  })();

  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = commands.filter((c) =>
    words.every((w) => `${c.group} ${c.label}`.toLowerCase().includes(w)),
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const run = (command: Command | undefined) => {
    if (command && !command.disabled) command.run();
  };

  return (
    <Dialog open onClose={onClose} title={t('Commands')} initialFocus={inputRef} size="lg">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('Find a command')}
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
          row
            ? t('An action on {name}, a view, export…', { name: row.name })
            : t('A view, export, the selection…')
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
      <div id={`${id}-list`} role="listbox" aria-label={t('Commands')} className="palette">
        {shown.length === 0 ? (
          <p className="muted">{t('No command matches “{query}”.', { query })}</p>
        ) : null}
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
