import { Alert } from '@mantine/core';
import { ApiError } from '../api/client.js';

/**
 * The part of an API error no field on the form shows: its detail, in an alert under the form.
 * When every problem is already shown beside its field, this renders nothing, so no message is
 * shown twice and none is lost.
 */
export function FormProblem({ error, fields = [], title }: { error: unknown; fields?: string[]; title?: string }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    const shown = error.errors.length > 0 && error.errors.every((e) => fields.some((f) => error.fieldError(f) === e.message));
    if (shown) return null;
    return (
      <Alert color="red" variant="light" role="alert" title={title ?? error.title}>
        {error.detail}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert" title="Something went wrong">
      The app hit an unexpected problem. Please try again.
    </Alert>
  );
}
