// A data table with its caption (read by screen readers, hidden on screen) and its column headers;
// the rows are the children. Sortable and selectable tables (the volume list) build their own head.
import type { ReactNode } from 'react';

export type Column = ReactNode | { label: ReactNode; numeric: true };

const isNumeric = (column: Column): column is { label: ReactNode; numeric: true } =>
  typeof column === 'object' && column !== null && 'numeric' in column;

export function Table({
  caption,
  columns,
  className = 'table',
  isBusy,
  children,
}: {
  caption: string;
  /** Falsy entries are left out (a column shown only sometimes). */
  columns: readonly (Column | false | null)[];
  className?: string;
  isBusy?: boolean;
  children: ReactNode;
}) {
  return (
    <table className={className} aria-busy={isBusy || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) =>
            column === false || column === null ? null : isNumeric(column) ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
              <th key={index} scope="col" className="num">
                {column.label}
              </th>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
              <th key={index} scope="col">
                {column}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
