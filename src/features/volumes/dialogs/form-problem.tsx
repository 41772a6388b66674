// How a failed submit is said at the top of a form: the words for a failure that belongs to no
// field (a 409's reason, a quota error, a lost answer…), and the callout that shows them with the
// details for a support ticket.
import { useEffect, useRef } from 'react';
import { CodeBlock } from '@/components/code-block';
import { Callout } from '@/components/status';
import { ApiError } from '@/lib/api-error';

export interface FormProblem {
  title: string;
  messages: string[];
  retryable: boolean;
}

/** Words for a failure that belongs to no field. */
export function describeFailure(
  error: unknown,
  fieldMap: Record<string, string> = {},
): FormProblem {
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      messages: [String(error instanceof Error ? error.message : error)],
      retryable: true,
    };
  }
  if (error.kind === 'network') {
    return {
      title: 'Could not reach Waldur',
      messages: [
        'Nothing was sent, or the answer was lost. Your input is kept: check your connection and submit again.',
      ],
      retryable: true,
    };
  }
  if (error.isServerError) {
    return {
      title: `Waldur failed to handle the request (HTTP ${error.status})`,
      messages: [
        'Your input is kept; submit again. If it keeps failing, copy the details into a support ticket.',
      ],
      retryable: true,
    };
  }
  switch (error.status) {
    case 409:
      return {
        title: 'Waldur refused: the volume is not in a state that allows this',
        messages: [
          error.detail ?? error.message,
          'The volume has been refreshed to show its current state.',
        ],
        retryable: false,
      };
    case 403:
      return {
        title: 'You do not have permission to do this on this volume',
        messages: [error.detail ?? 'Ask an admin or manager of its project, or staff.'],
        retryable: false,
      };
    case 404:
      return {
        title: 'This volume no longer exists',
        messages: [
          'It was removed or unlinked elsewhere. Close this dialog and go back to the list.',
        ],
        retryable: false,
      };
    default: {
      const unplaced = Object.entries(error.fieldErrors)
        .filter(([field]) => !(field in fieldMap))
        .map(([field, messages]) => `${field}: ${messages.join(' ')}`);
      return {
        title:
          error.status === 400
            ? 'Waldur did not accept this'
            : `Waldur answered HTTP ${error.status}`,
        messages: [...error.generalMessages, ...unplaced],
        retryable: error.status !== 400,
      };
    }
  }
}

export function FormProblemCallout({
  problem,
  report,
}: {
  problem: FormProblem | null;
  report?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref}>
      <Callout tone="danger" role="alert" title={problem.title}>
        {problem.messages.length === 1 ? (
          <p>{problem.messages[0]}</p>
        ) : problem.messages.length > 1 ? (
          <ul>
            {problem.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        {report ? (
          <details>
            <summary>Details for a support ticket</summary>
            <CodeBlock label="Error details">{report}</CodeBlock>
          </details>
        ) : null}
      </Callout>
    </div>
  );
}
