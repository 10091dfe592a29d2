import type { ThemeDocument } from '../insights/mine-themes.js';
import type { Db } from '../store/schema.js';
import { type CaseDocumentRow, caseDocumentRows } from '../store/theme-documents.js';

/**
 * What themes are mined from. Each source turns one kind of record into documents with the facts a
 * theme's figures need; a new kind (forum posts) is one more entry in DOCUMENT_SOURCES.
 */
export type SourceDocument = ThemeDocument & {
  caseId: string | null;
  /** When it happened, for the weekly trend. */
  at: string;
  teamId: string | null;
  channel: string | null;
  rootCause: string | null;
  cost: { minor: number; currency: string } | null;
};

export type DocumentSource = (db: Db, workspaceId: string) => Promise<SourceDocument[]>;

/** The document id of a case: ids of every kind share one space. */
export const caseDocId = (caseId: string): string => `case:${caseId}`;

/**
 * A case as text: title, summary, every party's statement, and the root cause with its why-chain and
 * factors. The title counts twice: it is the one line written to say what the case is about.
 */
export function caseText(row: CaseDocumentRow): string {
  const parts = [row.title, row.title, row.summary, row.statements];
  if (row.root_cause_category) parts.push(`Root cause: ${row.root_cause_category.replace(/_/g, ' ')}.`);
  if (row.root_cause) {
    const rc = JSON.parse(row.root_cause) as { whys?: string[]; factors?: string[] };
    parts.push(...(rc.whys ?? []), ...(rc.factors ?? []));
  }
  return parts.filter(Boolean).join('\n');
}

export function caseDocument(row: CaseDocumentRow): SourceDocument {
  // What a case cost: the agreed resolution when there is one, otherwise the financial impact reported.
  const cost =
    row.cost_minor !== null && row.cost_currency
      ? { minor: row.cost_minor, currency: row.cost_currency }
      : row.impact_amount_minor !== null && row.impact_currency
        ? { minor: row.impact_amount_minor, currency: row.impact_currency }
        : null;
  return {
    id: caseDocId(row.id),
    kind: 'case',
    text: caseText(row),
    caseId: row.id,
    at: row.reported_at,
    teamId: row.team_id,
    channel: row.channel,
    rootCause: row.root_cause_category,
    cost,
  };
}

export const caseDocuments: DocumentSource = async (db, workspaceId) => (await caseDocumentRows(db, workspaceId)).map(caseDocument);

/** Every source themes are mined from. Forum posts plug in here, as one more line. */
export const DOCUMENT_SOURCES: readonly DocumentSource[] = [caseDocuments];

/** Every document of the workspace, from every source. */
export async function loadThemeDocuments(db: Db, workspaceId: string): Promise<SourceDocument[]> {
  return (await Promise.all(DOCUMENT_SOURCES.map((source) => source(db, workspaceId)))).flat();
}
