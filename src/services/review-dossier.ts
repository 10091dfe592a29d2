import { createHash } from 'node:crypto';
import type { SignedCheckpoint } from '../domain/audit-log.js';
import { notFound } from '../domain/errors.js';
import { describeExclusion, type FairnessExclusion } from '../domain/review-rules.js';
import { FINDING_LABELS, OUTCOME_LABELS } from '../domain/reviews.js';
import { checkpointAsOf } from '../store/audit.js';
import { findEmployees } from '../store/people.js';
import { appendReviewEvent, findDossierExport, findReviewRow } from '../store/reviews.js';
import type { Db } from '../store/schema.js';
import { findWorkspace } from '../store/workspaces.js';
import { recordAccess } from './access-log.js';
import { toSigned } from './audit-checkpoints.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { type DossierContent, type DossierLine, type DossierSection, renderDossierPdf } from './dossier-pdf.js';
import { gatherEvidence, type ReviewEvidence } from './review-evidence.js';
import { assertNotParty } from './review-opening.js';
import { presentReview, type ReviewView } from './reviews.js';

const text = (t: string): DossierLine => ({ kind: 'text', text: t });
const field = (label: string, value: string): DossierLine => ({ kind: 'field', label, value });
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** Lays the review out for a reader outside Defuse: what was counted and why, both sides, the record, the decision. */
export function dossierContent(
  workspaceName: string,
  review: ReviewView,
  evidence: ReviewEvidence,
  checkpoint?: SignedCheckpoint,
): DossierContent {
  const counted = review.cases.filter((c) => c.counted);
  const apart = review.cases.filter((c) => !c.counted);
  const sections: DossierSection[] = [];
  sections.push({
    heading: 'The rule and the cases',
    lines: [
      field('Opened because', review.rule ? `${review.rule.name}: ${review.rule.description}` : 'Opened by hand by HR'),
      field('Reason given when opening', review.reason),
      text(''),
      text(`Counted cases (${counted.length}):`),
      ...counted.map((c) => text(`- ${c.ref} ${c.title}: ${c.why}`)),
      text(''),
      text(`Cases set apart and not counted (${apart.length}):`),
      ...(apart.length === 0 ? [text('- none')] : apart.map((c) => text(`- ${c.ref} ${c.title}: ${c.why}`))),
    ],
  });
  for (const c of evidence.cases) {
    const rc = review.cases.find((x) => x.caseId === c.caseId);
    const lines: DossierLine[] = [
      field('Status', c.status),
      field('Occurred', c.occurredAt),
      field('Reported', c.reportedAt),
      field(
        'Counted towards the rule',
        c.counted ? 'yes' : `no (${(rc?.exclusions ?? []).map((e) => describeExclusion(e as FairnessExclusion)).join('; ')})`,
      ),
      field('Summary', c.summary),
      field('Outcome', c.outcome ?? 'not closed yet'),
      field(
        'Root cause',
        `${c.rootCause.category ?? 'not recorded'}${c.rootCause.whys.length ? ` (why: ${c.rootCause.whys.join(' / ')})` : ''}`,
      ),
      field(
        'Loss recorded',
        c.cost.impact ? `${c.cost.impact.amount.toFixed(2)} ${c.cost.impact.currency} (${c.cost.impact.kind ?? 'unspecified'})` : 'none',
      ),
      field(
        'Agreed cost',
        c.cost.agreed
          ? `${c.cost.agreed.amount.toFixed(2)} ${c.cost.agreed.currency}${c.cost.agreed.approved ? ', approved by a supervisor' : ''}`
          : 'none',
      ),
      field(
        'Coach scores of the employee’s replies',
        c.replyScores.length ? c.replyScores.map((s) => `${s.total} (${s.at})`).join(', ') : 'none recorded',
      ),
    ];
    sections.push({ heading: `Case ${c.ref}: ${c.title}`, lines });
    sections.push({
      heading: 'Finding',
      level: 2,
      lines: rc?.finding
        ? [
            field('Allegation', rc.allegation ?? ''),
            field('Finding', FINDING_LABELS[rc.finding]),
            field('Policy', rc.policy ?? ''),
            field(
              'Notice',
              rc.notice.trained
                ? `trained before the case: ${rc.notice.records.map((r) => `${r.title} (${r.kind}, ${r.finishedAt})`).join('; ')}`
                : 'no record that the employee was trained on this policy before the case',
            ),
          ]
        : [text('No finding recorded for this case.')],
    });
    sections.push({
      heading: 'Statements (verbatim)',
      level: 2,
      lines:
        c.statements.length === 0
          ? [text('No statements were taken.')]
          : c.statements.flatMap((s) => [field(`${s.party} — ${s.author}`, s.takenAt), { kind: 'quote' as const, text: s.body }]),
    });
    sections.push({
      heading: 'Files',
      level: 2,
      lines:
        c.files.length === 0
          ? [text('No files were added.')]
          : c.files.map((f) =>
              text(
                `- ${f.fileName} (${f.contentType}, ${f.source === 'email' ? 'from an email' : 'uploaded'} ${f.addedAt}), SHA-256 ${f.sha256}${
                  f.erasedAt
                    ? ` — erased with the customer’s personal data on ${f.erasedAt}: the file itself is gone; its SHA-256 stays on the timeline`
                    : ''
                }`,
              ),
            ),
    });
    sections.push({
      heading: 'Timeline',
      level: 2,
      lines: [
        field(
          'Hash chain verified at export',
          c.chain.intact ? `intact (${c.chain.eventsChecked} events checked)` : `BROKEN: ${c.chain.problem ?? ''}`,
        ),
        ...c.timeline.map((e) => ({ kind: 'mono' as const, text: `#${e.seq} ${e.at} ${e.kind} by ${e.actor ?? 'system'}\n    ${e.hash}` })),
      ],
    });
    sections.push({
      heading: 'Follow-ups',
      level: 2,
      lines:
        c.followUps.length === 0
          ? [text('None.')]
          : c.followUps.map((f) =>
              text(
                `${f.party}: ${f.status}${f.answeredAt ? ` on ${f.answeredAt}` : ''}${f.answer ? ` — ${JSON.stringify(f.answer)}` : ''}`,
              ),
            ),
    });
  }
  sections.push({
    heading: 'Training and support',
    lines: [
      text('Training completed:'),
      ...(evidence.training.length === 0
        ? [text('- none recorded')]
        : evidence.training.map((t) =>
            text(`- ${t.title} (${t.kind}) on ${t.finishedAt}${t.passed === null ? '' : t.passed ? ', passed' : ', not passed'}`),
          )),
      text(''),
      text('Support asked for and given (what was said stays between the employee and whoever helped):'),
      ...(evidence.support.length === 0
        ? [text('- none')]
        : evidence.support.map((s) =>
            text(
              `- ${s.kind ?? 'offered'} (${s.source}) ${s.status}, asked ${s.createdAt}${s.answeredAt ? `, answered ${s.answeredAt}` : ''}${s.caseRef ? `, case ${s.caseRef}` : ''}`,
            ),
          )),
      text(''),
      text('Earlier reviews of this employee:'),
      ...(evidence.earlierReviews.length === 0
        ? [text('- none')]
        : evidence.earlierReviews.map((r) =>
            text(`- opened ${r.openedAt}: ${r.outcome ? OUTCOME_LABELS[r.outcome as keyof typeof OUTCOME_LABELS] : r.status}`),
          )),
    ],
  });
  sections.push({
    heading: 'The employee’s statement',
    lines: [
      field('Response window', `until ${review.responseDueAt}${review.waivedAt ? `; waived on ${review.waivedAt}` : ''}`),
      ...(review.employeeStatement
        ? [field('Added', review.employeeStatement.at), { kind: 'quote' as const, text: review.employeeStatement.body }]
        : [text('The employee added no statement.')]),
      ...(review.appeal ? [field('Appeal', `${review.appeal.at}: ${review.appeal.reason}`)] : []),
    ],
  });
  sections.push({
    heading: 'Decision and sign-offs',
    lines: [
      ...(review.decisions.length === 0
        ? [text('No decision has been recorded.')]
        : review.decisions.flatMap((d) => [
            field(
              d.stage === 'appeal' ? 'Decision on appeal' : 'Decision',
              `${OUTCOME_LABELS[d.outcome]}${d.effective ? ' (stands)' : ''}`,
            ),
            field('Decided by', `${d.decidedBy.name} on ${d.decidedAt}`),
            field('Rationale', d.rationale),
            ...(d.departureReason ? [field('Why it departs from earlier comparable reviews', d.departureReason)] : []),
            ...(d.scenarioIds.length ? [field('Training scenarios', d.scenarioIds.join(', '))] : []),
            field(
              'Second sign-off',
              d.signOff ? `${d.signOff.by.name} on ${d.signOff.at}` : d.outcome === 'termination' ? 'awaiting' : 'not required',
            ),
            text(''),
          ])),
      text('Earlier comparable reviews:'),
      ...(review.comparable.length === 0
        ? [text('- none')]
        : review.comparable.map((c) => text(`- ${c.employeeName}: ${OUTCOME_LABELS[c.outcome]} (${c.decidedAt})`))),
    ],
  });
  sections.push({
    heading: 'Signed checkpoint of the whole record',
    lines: checkpoint
      ? [
          text(
            'The newest signed checkpoint at the time of the decision: a Merkle root over every case timeline, customer commitment and the access log, signed with Ed25519. A copy kept outside Defuse proves with `defuse audit verify --checkpoint FILE` that the record only grew since.',
          ),
          field('Checkpoint', `#${checkpoint.checkpoint.seq} signed ${checkpoint.checkpoint.at}`),
          field(
            'Covers',
            `${checkpoint.checkpoint.cases} cases, ${checkpoint.checkpoint.events} events, ${checkpoint.checkpoint.accessLogEntries} access-log entries`,
          ),
          { kind: 'mono' as const, text: `root      ${checkpoint.checkpoint.root}\nprevious  ${checkpoint.checkpoint.previous}` },
          { kind: 'mono' as const, text: `public key ${checkpoint.checkpoint.publicKey}\nsignature  ${checkpoint.signature}` },
        ]
      : [text('No checkpoint had been signed by the time of the decision; each case above carries its own chain verification.')],
  });
  sections.push({
    heading: 'Audit trail of this review',
    lines: review.audit
      .filter((a) => a.kind !== 'dossier_exported')
      .map((a) => ({ kind: 'mono' as const, text: `#${a.seq} ${a.at} ${a.kind} by ${a.actor ?? 'system'}\n    ${a.hash}` })),
  });
  return {
    title: 'Review dossier',
    subtitle: `${review.employee.name} — ${workspaceName}`,
    date: new Date(review.decisions.at(-1)?.signOff?.at ?? review.decisions.at(-1)?.decidedAt ?? review.openedAt),
    subject: `defuse-review-${review.id}`,
    cover: [
      field('Employee', review.employee.name),
      field('Review', review.id),
      field('Opened', `${review.openedAt} by ${review.openedBy.name}`),
      field('Status', review.status),
      field('Counted cases', String(counted.length)),
      text(''),
      text(
        'This dossier was produced by Defuse from its records. Its SHA-256 is recorded on the review’s audit trail; `defuse audit dossier FILE` says whether a copy is unchanged.',
      ),
    ],
    sections,
  };
}

/**
 * Exports a review's dossier as PDF for HR: the export is access-logged and its SHA-256 appended to
 * the review's audit trail, so any copy can later be checked against what Defuse produced.
 */
export function exportDossier(ctx: ServiceContext, id: string): Promise<{ pdf: Buffer; sha256: string; fileName: string }> {
  return inTransaction(ctx.db, async (db) => {
    requirePermission(ctx.actor, 'read', 'review');
    const ws = ctx.actor.workspaceId;
    const review = await findReviewRow(db, ws, id, true);
    const [employee] = review ? await findEmployees(db, ws, [review.employee_id]) : [];
    if (!review || !employee) throw notFound(`Review ${id}`);
    await assertNotParty(db, ctx.actor, review);
    const [view, evidence, workspace] = await Promise.all([
      presentReview(ctx, db, review, employee),
      gatherEvidence(db, review, employee),
      findWorkspace(db, ws),
    ]);
    // The checkpoint current at the decision, not the newest: a later export prints the same one.
    const content = dossierContent(workspace?.name ?? '', view, evidence);
    const pinned = await checkpointAsOf(db, ws, content.date.toISOString());
    const pdf = await renderDossierPdf(pinned ? dossierContent(workspace?.name ?? '', view, evidence, toSigned(pinned)) : content);
    const digest = sha256(pdf);
    await appendReviewEvent(db, review, {
      kind: 'dossier_exported',
      actorId: ctx.actor.userId,
      at: ctx.now.toISOString(),
      data: { sha256: digest },
      fileSha256: digest,
    });
    await recordAccess(
      { ...ctx, db },
      {
        action: 'export',
        resource: 'review',
        subjectId: review.id,
        subjectLabel: `Dossier of the review of ${employee.name}`,
      },
    );
    return { pdf, sha256: digest, fileName: `review-${review.id}.pdf` };
  });
}

export type DossierCheck = { genuine: boolean; sha256: string; reviewId: string | null; exportedAt: string | null };

/** Whether a file is a dossier Defuse produced, byte for byte: its SHA-256 is on some review's audit trail. */
export async function checkDossier(db: Db, file: Buffer): Promise<DossierCheck> {
  const digest = sha256(file);
  const found = await findDossierExport(db, digest);
  return { genuine: found !== undefined, sha256: digest, reviewId: found?.review_id ?? null, exportedAt: found?.at ?? null };
}
