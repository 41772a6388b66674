import './keyboard.css';
import { Dialog } from '@/components/dialog';
import { SHORTCUTS } from '../hooks/use-list-keyboard';

export function ShortcutsHelp({ onClose }: { dialog?: unknown; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title="Keyboard shortcuts"
      description="On the volume list, when no field has focus."
    >
      <table className="table shortcuts">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                {shortcut.keys.split(' or ').map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' or ' : ''}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        In dialogs: Tab and Shift+Tab move between fields, Escape closes. Screen-reader users can
        also use their own table navigation; these keys do not replace it.
      </p>
    </Dialog>
  );
}
