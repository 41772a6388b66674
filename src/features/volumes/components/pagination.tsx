import { Options } from '@/components/select';
import { formatInteger } from '@/lib/format';
import { useT } from '@/lib/i18n';
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
  /** What is counted: "1–25 of 250 volumes" or "… snapshots". */
  noun?: 'volumes' | 'snapshots';
}) {
  const t = useT();
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  const range = { first: formatInteger(first), last: formatInteger(last), count: total };
  return (
    <nav className="pagination" aria-label={t('Pagination')}>
      <p className="pagination__summary" aria-live="polite">
        {noun === 'snapshots'
          ? total === 0
            ? t('No snapshots')
            : t('{first}–{last} of {count, plural, one {# snapshot} other {# snapshots}}', range)
          : total === 0
            ? t('No volumes')
            : t('{first}–{last} of {count, plural, one {# volume} other {# volumes}}', range)}
      </p>
      <div className="pagination__size">
        <label htmlFor="page-size">{t('Per page')}</label>
        <select
          id="page-size"
          className="input input--sm"
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value))}
        >
          <Options
            choices={PAGE_SIZES.map((size) => ({ value: size, label: formatInteger(size) }))}
          />
        </select>
      </div>
      <div className="pagination__pages">
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page <= 1}
          onClick={() => onPage(1)}
        >
          <span aria-hidden="true" className="flip-rtl">
            «
          </span>{' '}
          {t('First', {}, 'page')}
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          <span aria-hidden="true" className="flip-rtl">
            ‹
          </span>{' '}
          {t('Previous', {}, 'page')}
        </button>
        <span className="pagination__current">
          {t('Page {page} of {count}', {
            page: formatInteger(page),
            count: formatInteger(pageCount),
          })}
        </span>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          {t('Next', {}, 'page')}{' '}
          <span aria-hidden="true" className="flip-rtl">
            ›
          </span>
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={page >= pageCount}
          onClick={() => onPage(pageCount)}
        >
          {t('Last', {}, 'page')}{' '}
          <span aria-hidden="true" className="flip-rtl">
            »
          </span>
        </button>
      </div>
    </nav>
  );
}
