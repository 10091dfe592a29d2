import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useCreateCase } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import { useCurrentUser } from '../../app/me-context.js';
import { draftToNewCase, type ReportDraft } from '../../lib/report-draft.js';
import { firstStepWithProblem, isLastStep, stepProblems } from '../../lib/report-steps.js';
import { useReportDraft } from './use-report-draft.js';

/** What every step's fields need: the draft, a setter, and the message for a field. */
export type StepFields = {
  draft: ReportDraft;
  set: <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => void;
  fieldError: (field: string) => string | undefined;
};

const without = (errors: Record<string, string>, key: string) => {
  const { [key]: _gone, ...rest } = errors;
  return rest;
};

/** The guided report: which step shows, each step's checks, and sending it (then opening the new case). */
export function useReportForm() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateCase();
  const draft = useReportDraft(me);
  const [caseTypeId, setCaseTypeId] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [showRestored, setShowRestored] = useState(Boolean(draft.restored));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const apiError = create.error instanceof ApiError ? create.error : null;

  const set: StepFields['set'] = (key, value) => {
    draft.update(key, value);
    setLocalErrors((e) => without(e, key));
  };

  const goTo = (n: number) => {
    setStep(n);
    window.scrollTo({ top: 0 });
    window.setTimeout(() => headingRef.current?.focus(), 0);
  };

  const send = () =>
    create.mutate(
      { ...draftToNewCase(draft.draft, me), ...(caseTypeId ? { caseTypeId } : {}) },
      {
        onSuccess: (kase) => {
          draft.discard();
          void navigate({ to: '/cases/$ref', params: { ref: kase.ref }, search: { created: true } });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const first = firstStepWithProblem(error.errors);
          if (first !== step) goTo(first);
        },
      },
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = stepProblems(draft.draft, step, Date.now());
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (isLastStep(step)) send();
    else goTo(step + 1);
  };

  const startOver = () => {
    draft.restart();
    setShowRestored(false);
    create.reset();
    goTo(0);
  };

  const fields: StepFields = { draft: draft.draft, set, fieldError: (field) => localErrors[field] ?? apiError?.fieldError(field) };
  return {
    fields,
    step,
    goTo,
    headingRef,
    submit,
    isSending: create.isPending,
    /** A problem no field shows (the server or the network), said under the form. */
    formError: apiError && apiError.errors.length === 0 ? apiError : null,
    restored: showRestored ? draft.restored : null,
    dismissRestored: () => setShowRestored(false),
    startOver,
    caseTypeId,
    setCaseTypeId,
  };
}

export type ReportForm = ReturnType<typeof useReportForm>;
