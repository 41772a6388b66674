import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CodeBlock } from '@/components/code-block';
import { errorMessage, isWaldursMessage } from '@/lib/api-error';
import { T, useT } from '@/lib/i18n';

function ErrorScreen({ error }: { error: unknown }) {
  const t = useT();
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return (
    <section className="page page--narrow">
      <div className="state state--error" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title" className="state__title">
          {t('Something went wrong on this page')}
        </h1>
        <p data-source={isWaldursMessage(error) ? 'waldur' : undefined}>{errorMessage(error)}</p>
        <p>
          <T
            m="Nothing was changed by this error. <link>Go to the volume list</link> or <reload>reload the page</reload>."
            tags={{
              link: (c) => <a href="/volumes">{c}</a>,
              reload: (c) => (
                <button
                  type="button"
                  className="btn btn--secondary btn--sm"
                  onClick={() => window.location.reload()}
                >
                  {c}
                </button>
              ),
            }}
          />
        </p>
        <details className="state__details">
          <summary>{t('Technical details')}</summary>
          <CodeBlock label={t('Error details')}>{details}</CodeBlock>
        </details>
      </div>
    </section>
  );
}

/**
 * Catches a render error in one page and shows a readable message instead of a white screen. The
 * layout keys it by location, so navigating elsewhere recovers.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page of the volume console crashed', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <ErrorScreen error={this.state.error} /> : this.props.children;
  }
}
