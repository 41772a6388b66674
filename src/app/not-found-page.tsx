import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('Page not found'));
  return (
    <section className="page page--narrow state" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="state__title">
        {t('Page not found')}
      </h1>
      <p>
        {t(
          'There is nothing at this address. It may have been mistyped, or it points to a page that no longer exists.',
        )}
      </p>
      <p>
        <Link to="/volumes" className="btn btn--primary">
          {t('Go to volumes')}
        </Link>
      </p>
    </section>
  );
}
