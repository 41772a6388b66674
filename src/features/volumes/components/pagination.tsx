import { Options } from '@/components/select';
import { formatInteger } from '@/lib/format';
import { PAGE_SIZES } from '../model/list-view';

export function Pagination({
  page,
  pageCount,
  pageSize,
  total,
  shown,
  onPage,
  onPageSize,
  noun = 'volumes',
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  /** What is counted: "1–25 of 250 volumes". */
  noun?: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  return (
    <nav className="pagination" aria-label="Pagination">
      <p className="pagination__summary" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${formatInteger(total)} ${noun}`}
      </p>
      <div className="pagination__size">
        <label htmlFor="page-size">Per page</label>
        <select
          id="page-size"
          className="input input--sm"
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value))}
        >
          <Options choices={PAGE_SIZES.map((size) => ({ value: size, label: size }))} />
        </select>
      </div>
      <div className="pagination__pages">
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page <= 1}
          onClick={() => onPage(1)}
        >
          <span aria-hidden="true">«</span> First
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          <span aria-hidden="true">‹</span> Previous
        </button>
        <span className="pagination__current">
          Page {page} of {pageCount}
        </span>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          Next <span aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page >= pageCount}
          onClick={() => onPage(pageCount)}
        >
          Last <span aria-hidden="true">»</span>
        </button>
      </div>
    </nav>
  );
}
