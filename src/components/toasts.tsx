import { useEffect } from 'react';
import { useT } from '@/lib/i18n';
import { hideToast, type Notice, useNotices } from '@/lib/notifications';
import { CodeBlock } from './code-block';
import { CopyButton } from './copy-button';

/** One notice: its words were translated when it was made (`notify`), its report stays as is. */
function Toast({ notice }: { notice: Notice }) {
  const t = useT();
  useEffect(() => {
    if (notice.kind === 'error') return; // errors stay until dismissed: they carry evidence
    const timer = setTimeout(() => hideToast(notice.id), 8000);
    return () => clearTimeout(timer);
  }, [notice.id, notice.kind]);
  return (
    <div className={`toast toast--${notice.kind}`}>
      <div className="toast__body">
        <p className="toast__title">{notice.title}</p>
        {notice.message ? (
          <p
            className="toast__message"
            data-source={notice.messageFromWaldur ? 'waldur' : undefined}
          >
            {notice.message}
          </p>
        ) : null}
        {notice.actions?.length ? (
          <div className="toast__actions">
            {notice.actions.map((action) => (
              <button
                key={action.label}
                type="button"
                className="btn btn--secondary btn--sm"
                onClick={() => {
                  hideToast(notice.id);
                  action.run();
                }}
              >
                {action.label}
              </button>
            ))}
          </div>
        ) : null}
        {notice.report ? (
          <details>
            <summary>{t('Details for a support ticket')}</summary>
            <CodeBlock label={t('Error details')}>{notice.report}</CodeBlock>
            <CopyButton value={notice.report} label={t('error details')} />
          </details>
        ) : null}
      </div>
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => hideToast(notice.id)}>
        <span aria-hidden="true">✕</span>
        <span className="visually-hidden">{t('Dismiss: {title}', { title: notice.title })}</span>
      </button>
    </div>
  );
}

/**
 * The newest notices, bottom right. Not a live region itself: `notify()` announces through the app's
 * live regions, so nothing is read twice.
 */
export function Toasts() {
  const t = useT();
  const notices = useNotices()
    .filter((n) => n.toastVisible)
    .slice(0, 4);
  if (notices.length === 0) return null;
  return (
    <section className="toasts" aria-label={t('Notifications')}>
      {notices.map((notice) => (
        <Toast key={notice.id} notice={notice} />
      ))}
    </section>
  );
}
