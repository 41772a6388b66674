import type { ReactNode } from 'react';
import { ApiError, errorMessage, isWaldursMessage } from '@/lib/api-error';
import { T, useT } from '@/lib/i18n';
import { Button } from './button';
import { CodeBlock } from './code-block';
import { CopyButton } from './copy-button';

/**
 * A failure said plainly, with a way to retry and the technical evidence one click away. `title`
 * (and `children`) are translated by the caller; the report stays as it is (for a ticket).
 */
export function ErrorState({
  title,
  error,
  onRetry,
  isRetrying = false,
  children,
  level = 2,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
  isRetrying?: boolean;
  children?: ReactNode;
  /** 1 when the state is the whole page (it then names the page). */
  level?: 1 | 2;
}) {
  const t = useT();
  const Heading = level === 1 ? 'h1' : 'h2';
  const report = error instanceof ApiError ? error.toReport() : errorMessage(error);
  return (
    <section className="state state--error" role="alert" aria-label={title}>
      <Heading className="state__title">{title}</Heading>
      <p className="state__message" data-source={isWaldursMessage(error) ? 'waldur' : undefined}>
        {errorMessage(error)}
      </p>
      {children}
      <div className="state__actions">
        {onRetry ? (
          <Button variant="primary" onClick={onRetry} isBusy={isRetrying}>
            {t('Try again')}
          </Button>
        ) : null}
      </div>
      <details className="state__details">
        <summary>{t('Technical details')}</summary>
        <CodeBlock label={t('Error details')}>{report}</CodeBlock>
        <CopyButton value={report} label={t('error details')} />
      </details>
    </section>
  );
}

/** A query that failed: its error, with "Try again" refetching it. */
export function QueryErrorState({
  title,
  query,
  level,
}: {
  title: string;
  query: { error: unknown; refetch: () => unknown; isFetching: boolean };
  level?: 1 | 2;
}) {
  return (
    <ErrorState
      title={title}
      error={query.error}
      onRetry={() => void query.refetch()}
      isRetrying={query.isFetching}
      level={level}
    />
  );
}

export function EmptyState({
  title,
  children,
  level = 2,
}: {
  title: string;
  children?: ReactNode;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="state state--empty" aria-label={title}>
      <Heading className="state__title">{title}</Heading>
      {children}
    </section>
  );
}

/** An inline message at the top of a form or panel. */
export function Callout({
  tone,
  title,
  children,
  role,
}: {
  tone: 'danger' | 'warning' | 'info' | 'success';
  title?: string;
  children?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`callout callout--${tone}`} role={role}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </div>
  );
}

/** A list whose refresh failed: it says so above what was loaded before, which stays on screen. */
export function RefreshError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="callout callout--warning list-refresh-error" role="alert">
      <p>
        <T
          m="<strong>Could not refresh the list:</strong> {message} Showing what was loaded before."
          v={{
            message: (
              <span data-source={isWaldursMessage(error) ? 'waldur' : undefined}>
                {errorMessage(error)}
              </span>
            ),
          }}
          tags={{ strong: (c) => <strong>{c}</strong> }}
        />
      </p>
      <button type="button" className="btn btn--secondary btn--sm" onClick={onRetry}>
        {t('Try again')}
      </button>
    </div>
  );
}

/** A page whose object could not be loaded: the failure is the page, with "Try again". */
export function PageLoadError({
  title,
  query,
}: {
  title: string;
  query: { error: unknown; refetch: () => unknown; isFetching: boolean };
}) {
  return (
    <div className="page">
      <QueryErrorState title={title} query={query} level={1} />
    </div>
  );
}
