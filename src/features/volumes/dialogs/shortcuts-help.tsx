import './keyboard.css';
import type { ReactElement } from 'react';
import { Dialog } from '@/components/dialog';
import { Table } from '@/components/table';
import { T, useT } from '@/lib/i18n';
import { SHORTCUTS } from '../hooks/use-list-keyboard';

/** "o or Enter": the keys (key caps, as printed on the keyboard) joined by the word "or". */
function Keys({ keys }: { keys: string }) {
  const [first = '', ...rest] = keys.split(' or ');
  let shown: ReactElement = <kbd>{first}</kbd>;
  for (const key of rest)
    shown = <T m="{first} or {second}" v={{ first: shown, second: <kbd>{key}</kbd> }} />;
  return shown;
}

export function ShortcutsHelp({ onClose }: { dialog?: unknown; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('Keyboard shortcuts')}
      description={t('On the volume list, when no field has focus.')}
    >
      <Table
        caption={t('Keyboard shortcuts')}
        className="table shortcuts"
        columns={[t('Key'), t('Does')]}
      >
        {SHORTCUTS.map((shortcut) => (
          <tr key={shortcut.keys}>
            <th scope="row">
              <Keys keys={shortcut.keys} />
            </th>
            <td>{t(shortcut.does)}</td>
          </tr>
        ))}
      </Table>
      <p className="muted">
        {t(
          'In dialogs: Tab and Shift+Tab move between fields, Escape closes. Screen-reader users can also use their own table navigation; these keys do not replace it.',
        )}
      </p>
    </Dialog>
  );
}
