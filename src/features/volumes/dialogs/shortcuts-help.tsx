import './keyboard.css';
import { Dialog } from '@/components/dialog';
import { Table } from '@/components/table';
import { SHORTCUTS } from '../hooks/use-list-keyboard';

export function ShortcutsHelp({ onClose }: { dialog?: unknown; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title="Keyboard shortcuts"
      description="On the volume list, when no field has focus."
    >
      <Table caption="Keyboard shortcuts" className="table shortcuts" columns={['Key', 'Does']}>
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
      </Table>
      <p className="muted">
        In dialogs: Tab and Shift+Tab move between fields, Escape closes. Screen-reader users can
        also use their own table navigation; these keys do not replace it.
      </p>
    </Dialog>
  );
}
