/**
 * Domain events: what happened, as processors and live updates see it. Every case timeline event is
 * one; so are a few things that happen outside a case's timeline (below).
 */

/** Events that are not on a case's timeline but that processors or live updates react to. */
export const WORKSPACE_EVENT_KINDS = ['notification_created', 'user_invited'] as const;

export type DomainEvent = {
  position: number;
  tx: number;
  workspaceId: string;
  kind: string;
  /** The case it happened to, if any. */
  caseId: string | null;
  /** The one person it concerns (e.g. the recipient of a notification), if it is personal. */
  userId: string | null;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
};

/** A place in the event stream: the last event read. Events are ordered by (tx, position). */
export type EventCursor = { tx: number; position: number };

export const STREAM_START: EventCursor = { tx: 0, position: 0 };

/** The cursor as text, for SSE ids and logs: "tx-position". */
export const formatCursor = (c: EventCursor): string => `${c.tx}-${c.position}`;

/** Reads a cursor written by formatCursor; anything else is null (a forged or stale id starts afresh). */
export function parseCursor(text: string | undefined | null): EventCursor | null {
  const match = /^(\d{1,18})-(\d{1,18})$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const tx = Number(match[1]);
  const position = Number(match[2]);
  return Number.isSafeInteger(tx) && Number.isSafeInteger(position) ? { tx, position } : null;
}

/** Whether event a comes after cursor b in the stream. */
export const isAfter = (a: EventCursor, b: EventCursor): boolean => a.tx > b.tx || (a.tx === b.tx && a.position > b.position);
