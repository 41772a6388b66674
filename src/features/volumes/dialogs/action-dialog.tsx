import { type FormEventHandler, type ReactNode, useId } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Callout } from '@/components/status';
import { useT } from '@/lib/i18n';
import { type FormProblem, FormProblemCallout } from './form-problem';

/** The frame of every action dialog: title, the form, its problems at the top, Cancel and submit. */
export function ActionDialog({
  title,
  description,
  onClose,
  onSubmit,
  submitLabel,
  isSubmitting,
  problem,
  report,
  notice,
  children,
  tone = 'default',
  size = 'md',
  submitDisabled = false,
  blockedReason = null,
}: {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  isSubmitting: boolean;
  problem: FormProblem | null;
  report?: string;
  /** A word about what is happening now, above the form (e.g. re-checking a lost answer). */
  notice?: string;
  children?: ReactNode;
  tone?: 'default' | 'danger';
  size?: 'md' | 'lg';
  /** When Waldur would refuse whatever is typed (the dialog says why). */
  submitDisabled?: boolean;
  /**
   * Why Waldur would refuse what the form holds now (a quota it would pass): submit is disabled,
   * and this says why beside it (and is its description).
   */
  blockedReason?: string | null;
}) {
  const t = useT();
  const formId = useId();
  const reasonId = useId();
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={description}
      tone={tone}
      size={size}
      footer={
        <>
          {blockedReason ? (
            <p className="action-blocked" id={reasonId}>
              {blockedReason}
            </p>
          ) : null}
          <Button onClick={onClose}>{t('Cancel')}</Button>
          <Button
            type="submit"
            form={formId}
            variant={tone === 'danger' ? 'danger' : 'primary'}
            isBusy={isSubmitting}
            aria-disabled={submitDisabled || Boolean(blockedReason) || undefined}
            aria-describedby={blockedReason ? reasonId : undefined}
          >
            {isSubmitting ? t('{action}…', { action: submitLabel }, 'in progress') : submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className="action-form" onSubmit={onSubmit} noValidate>
        {notice ? (
          <Callout tone="info" role="status">
            <p>{notice}</p>
          </Callout>
        ) : null}
        <FormProblemCallout problem={problem} report={report} />
        {children}
      </form>
    </Dialog>
  );
}
