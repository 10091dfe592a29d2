import type { Segment } from '../../api/types.js';

const KIND_LABEL: Record<string, string> = {
  name: 'name',
  email: 'email address',
  phone: 'phone number',
  address: 'address',
  order: 'order number',
  account: 'account number',
  card: 'card number',
  iban: 'IBAN',
  case_ref: 'case reference',
  date: 'date',
  manual: 'removed by hand',
};

export const redactionKindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;

/**
 * A redacted text. With `highlight`, every redaction is marked (and, for a reviewer, says what it
 * replaced on hover); without, it reads as the published story does.
 */
export function Segments({ segments, highlight }: { segments: readonly Segment[]; highlight: boolean }) {
  return (
    <>
      {segments.map((s, i) =>
        s.redaction && highlight ? (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence of one text
            key={i}
            data-redaction={s.redaction.kind}
            title={
              s.redaction.original
                ? `${redactionKindLabel(s.redaction.kind)}: ${s.redaction.original}`
                : redactionKindLabel(s.redaction.kind)
            }
            style={{ background: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: '0 2px', borderRadius: 2 }}
          >
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence of one text
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
