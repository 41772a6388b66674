import { Link } from 'react-router';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <section className="page page--narrow state" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="state__title">
        Page not found
      </h1>
      <p>
        There is nothing at this address. It may have been mistyped, or it points to a page that no
        longer exists.
      </p>
      <p>
        <Link to="/volumes" className="btn btn--primary">
          Go to volumes
        </Link>
      </p>
    </section>
  );
}
