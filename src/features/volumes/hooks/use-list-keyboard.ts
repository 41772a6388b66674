// The list's keyboard shortcuts. Single keys without modifiers (nothing the browser or a screen
// reader binds), ignored while typing in a field or while a dialog is open:
//   j / k  next / previous row (moves focus to the row's link)
//   x      select or unselect the current row
//   o      open the current row (Enter on its link does the same)
//   p      command palette      ?  this help      /  search (handled by the search box)
import { useEffect, useRef } from 'react';
import { msg } from '@/lib/i18n';

/**
 * The shortcuts, for the help. `keys` are the keys as printed on a keyboard (data; alternatives
 * separated by " or ", which the help shows in words); `does` is marked with msg() and translated
 * where shown: `t(shortcut.does)`.
 */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: '/', does: msg('Focus the search box') },
  { keys: 'j', does: msg('Next row') },
  { keys: 'k', does: msg('Previous row') },
  { keys: 'x', does: msg('Select or unselect the current row') },
  { keys: 'o or Enter', does: msg('Open the current row') },
  {
    keys: 'p',
    does: msg('Command palette: run an action on the current row or the selection, open a view'),
  },
  { keys: '?', does: msg('Show these shortcuts') },
  { keys: 'Esc', does: msg('Close a dialog or menu') },
];

function rows(): HTMLTableRowElement[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('table[data-list="volumes"] tbody tr')];
}

export function currentRow(): HTMLTableRowElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement
    ? active.closest<HTMLTableRowElement>('table[data-list="volumes"] tbody tr')
    : null;
}

export function useListKeyboard(handlers: { onPalette: () => void; onHelp: () => void }) {
  // The latest handlers, without re-registering the listener on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const handle = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        event.isComposing
      )
        return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="combobox"]'))
        return;
      if (document.querySelector('dialog[open]')) return;
      const all = rows();
      const current = currentRow();
      const index = current ? all.indexOf(current) : -1;
      const focusRow = (row: HTMLTableRowElement | undefined) => {
        const link = row?.querySelector<HTMLElement>('a');
        if (!link) return;
        link.focus();
        link.scrollIntoView({ block: 'nearest' });
      };
      switch (event.key) {
        case 'j':
          event.preventDefault();
          focusRow(all[Math.min(index + 1, all.length - 1)]);
          break;
        case 'k':
          event.preventDefault();
          focusRow(all[index === -1 ? 0 : Math.max(index - 1, 0)]);
          break;
        case 'x':
          if (current) {
            event.preventDefault();
            current.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
          }
          break;
        case 'o':
          if (current) {
            event.preventDefault();
            current.querySelector<HTMLElement>('a')?.click();
          }
          break;
        case 'p':
          event.preventDefault();
          latest.current.onPalette();
          break;
        case '?':
          event.preventDefault();
          latest.current.onHelp();
          break;
        default:
          break;
      }
    };
    document.addEventListener('keydown', handle);
    return () => document.removeEventListener('keydown', handle);
  }, []);
}
