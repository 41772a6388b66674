import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CodeBlock } from '@/components/code-block';
import { errorMessage } from '@/lib/api-error';

function ErrorScreen({ error }: { error: unknown }) {
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return (
    <section className="page page--narrow">
      <div className="state state--error" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title" className="state__title">
          Something went wrong on this page
        </h1>
        <p>{errorMessage(error)}</p>
        <p>
          Nothing was changed by this error. <a href="/volumes">Go to the volume list</a> or{' '}
          <button
            type="button"
            className="btn btn--secondary btn--sm"
            onClick={() => window.location.reload()}
          >
            reload the page
          </button>
          .
        </p>
        <details className="state__details">
          <summary>Technical details</summary>
          <CodeBlock label="Error details">{details}</CodeBlock>
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
