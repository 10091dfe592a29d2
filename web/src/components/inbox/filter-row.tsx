import { ComboboxChevron, Group, Input, InputBase } from '@mantine/core';
import { useState } from 'react';
import type { InboxFilters } from '../../lib/saved-views.js';
import { type FilterSpec, optionLabel, useFilterSpecs } from './filter-specs.js';
import { SignalChips } from './signal-chips.js';

const loadFields = () => import('./filter-fields.js');
type FilterFieldsComponent = Awaited<ReturnType<typeof loadFields>>['FilterFields'];

type FilterRowProps = { filters: InboxFilters; onChange: (next: InboxFilters) => void; hidden: boolean };

/**
 * The filter row. The dropdown fields (and the floating-list code they need) load when the pointer
 * or the keyboard first reaches the row, so the inbox shows its cases without them; until then each
 * field is a button showing what it holds, and a click on one opens that field once it is there.
 * The stand-ins stay mounted until the fields have arrived (no Suspense fallback swapped in under
 * the pointer), so a click that starts the loading still lands, on the customer chips too.
 */
export function FilterRow({ filters, onChange, hidden }: FilterRowProps) {
  const [Fields, setFields] = useState<FilterFieldsComponent | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const want = () => {
    if (!Fields) void loadFields().then((m) => setFields(() => m.FilterFields));
  };
  const placeholders = (
    <FieldPlaceholders
      filters={filters}
      onChange={onChange}
      onFocusField={setFocusKey}
      onOpenField={(key) => {
        setFocusKey(key);
        setOpenKey(key);
      }}
    />
  );
  return (
    <Group
      gap="sm"
      grow
      preventGrowOverflow={false}
      wrap="wrap"
      display={hidden ? 'none' : undefined}
      onPointerEnter={want}
      onFocusCapture={want}
    >
      {Fields ? <Fields filters={filters} onChange={onChange} focusKey={focusKey} openKey={openKey} /> : placeholders}
    </Group>
  );
}

type FieldPlaceholdersProps = {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
  onFocusField: (key: string) => void;
  onOpenField: (key: string) => void;
};

/** The fields drawn as buttons of the same size, each saying what it holds ("Any" when nothing). */
function FieldPlaceholders({ filters, onChange, onFocusField, onOpenField }: FieldPlaceholdersProps) {
  const specs = useFilterSpecs(filters, onChange);
  return (
    <>
      {specs.map((spec) =>
        spec.kind === 'signals' ? (
          <SignalChips key={spec.key} filters={filters} onChange={onChange} />
        ) : (
          <InputBase
            key={spec.key}
            component="button"
            type="button"
            label={spec.label}
            size="xs"
            miw={spec.miw}
            pointer
            rightSection={<ComboboxChevron size="xs" />}
            rightSectionPointerEvents="none"
            aria-haspopup="listbox"
            // The visible text is part of the name (WCAG 2.5.3): "Team: All teams".
            aria-label={`${spec.label}: ${heldText(spec) || emptyText(spec)}`}
            onFocus={() => onFocusField(spec.key)}
            onClick={() => onOpenField(spec.key)}
          >
            {heldText(spec) || <Input.Placeholder>{emptyText(spec)}</Input.Placeholder>}
          </InputBase>
        ),
      )}
    </>
  );
}

/** What an empty field says. */
const emptyText = (spec: Exclude<FilterSpec, { kind: 'signals' }>) => (spec.kind === 'one' ? (spec.placeholder ?? 'Any') : 'Any');

/** What a field holds, as its labels joined. */
function heldText(spec: Exclude<FilterSpec, { kind: 'signals' }>): string {
  const chosen = spec.kind === 'many' ? spec.value : spec.value ? [spec.value] : [];
  return chosen.map((v) => optionLabel(spec.data, v)).join(', ');
}
