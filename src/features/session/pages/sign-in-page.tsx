import './sign-in.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useLocation, useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-fields';
import { Callout } from '@/components/status';
import { ApiError } from '@/lib/api-error';
import { normalizeApiUrl } from '@/lib/config';
import { currentUserKey, currentUserSchema } from '@/lib/current-user';
import { HttpClient } from '@/lib/http';
import { sessionStore, useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';

const signInSchema = z.object({
  apiUrl: z.string().check(
    z.trim(),
    z.minLength(1, { error: 'Enter the address of your Waldur, e.g. https://waldur.example.com' }),
    z.refine((value) => value === '' || normalizeApiUrl(value) !== null, {
      error: 'Enter a full http(s) address, e.g. https://waldur.example.com',
    }),
  ),
  token: z.string().check(
    z.trim(),
    z.minLength(1, {
      error: 'Enter your API token (in Waldur: your profile → Credentials → API token)',
    }),
    z.refine((value) => !/\s/.test(value), { error: 'A token has no spaces in it' }),
  ),
  remember: z.boolean(),
});
type SignInValues = z.infer<typeof signInSchema>;

function explain(error: unknown, apiUrl: string): { field?: 'apiUrl' | 'token'; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 401)
      return {
        field: 'token',
        message: `Waldur did not accept this token: ${error.detail ?? 'Invalid token.'}`,
      };
    if (error.kind === 'network') {
      return {
        field: 'apiUrl',
        message: `Could not reach ${apiUrl}. Check the address, your connection, and that this Waldur allows requests from this site (CORS).`,
      };
    }
    if (error.status === 404) {
      return {
        field: 'apiUrl',
        message: `${apiUrl} answered 404: is this the address of a Waldur API?`,
      };
    }
    if (error.kind === 'invalid-response') {
      return {
        field: 'apiUrl',
        message: `${apiUrl} answered, but not like Waldur does. Is this the right address?`,
      };
    }
    return { message: error.message };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * Sign in to a real Waldur with an API token, checked against `/api/users/me/` before it is kept.
 * The token is kept for this browser session, or on this device with "remember me".
 */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/volumes';

  const fixedUrl = session.kind === 'waldur' && session.apiUrlFixed ? session.apiUrl : null;
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { apiUrl: session.apiUrl ?? '', token: '', remember: false },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { isSubmitting },
  } = form;

  if (session.kind === 'demo' || session.token) return <Navigate to={from} replace />;

  const onSubmit = async (values: SignInValues) => {
    setFormError(null);
    const apiUrl = normalizeApiUrl(fixedUrl ?? values.apiUrl)!;
    const token = values.token.trim();
    const client = new HttpClient({ baseUrl: apiUrl, getToken: () => token });
    try {
      const user = await client.get('api/users/me', currentUserSchema);
      // Signing in changes the identity, which clears the cache; then seed it with the user.
      sessionStore.signIn(apiUrl, token, values.remember);
      queryClient.setQueryData(currentUserKey, user);
      navigate(from, { replace: true });
    } catch (error) {
      const { field, message } = explain(error, apiUrl);
      if (field && !(field === 'apiUrl' && fixedUrl))
        setError(field, { message }, { shouldFocus: true });
      else setFormError(message);
    }
  };

  return (
    <main id="main" className="sign-in">
      <form
        className="sign-in__card"
        onSubmit={handleSubmit(onSubmit)}
        noValidate
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title" className="sign-in__title">
          Sign in to Waldur
        </h1>
        <p className="muted">
          The volume console works with your Waldur API token; it is sent only to the Waldur you
          name.
        </p>
        {session.kind === 'waldur' && session.endedReason ? (
          <Callout tone="warning" role="alert" title="You were signed out">
            <p>{session.endedReason} Sign in again to continue where you were.</p>
          </Callout>
        ) : null}
        {formError ? (
          <Callout tone="danger" role="alert" title="Could not sign in">
            <p>{formError}</p>
          </Callout>
        ) : null}
        {fixedUrl ? (
          <div className="field">
            <span className="field__label">Waldur</span>
            <p className="mono">
              {fixedUrl === window.location.origin ? `${fixedUrl}/api/ (this site)` : fixedUrl}
            </p>
          </div>
        ) : (
          <TextField
            form={form}
            name="apiUrl"
            label="Waldur API address"
            hint="For example https://waldur.example.com"
            type="url"
            autoComplete="url"
          />
        )}
        <TextField
          form={form}
          name="token"
          label="API token"
          type="password"
          className="input mono"
          autoComplete="current-password"
        />
        <label className="checkbox">
          <input type="checkbox" {...register('remember')} />
          Remember me on this device
        </label>
        <Button type="submit" variant="primary" isBusy={isSubmitting}>
          Sign in
        </Button>
        {session.kind === 'waldur' && session.canReturnToDemo ? (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => sessionStore.returnToDemo()}
          >
            Back to the demo backend
          </button>
        ) : null}
      </form>
    </main>
  );
}
