import { Link } from 'react-router';
import { EmptyState } from '@/components/status';
import { useDocumentTitle } from '@/lib/use-document-title';

/** A page whose object does not exist (or is hidden from this user), with the way back. */
export function NotFoundPage({
  title,
  message,
  back,
}: {
  title: string;
  message: string;
  back: { to: string; label: string };
}) {
  useDocumentTitle(title);
  return (
    <div className="page page--narrow">
      <EmptyState title={title} level={1}>
        <p>{message}</p>
        <Link to={back.to} className="btn btn--primary">
          {back.label}
        </Link>
      </EmptyState>
    </div>
  );
}
