import { MultiSelect, Select } from '@mantine/core';
import { useEffect } from 'react';
import type { InboxFilters } from '../../lib/saved-views.js';
import { filterInputId, useFilterSpecs } from './filter-specs.js';
import { SignalChips } from './signal-chips.js';

type FilterFieldsProps = {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
  /** The field whose placeholder had the keyboard, to take it over. */
  focusKey: string | null;
  /** The field whose placeholder was clicked, to open at once. */
  openKey: string | null;
};

/** The inbox's filter and sort fields, with their dropdowns; loaded when the filter row is first reached. */
export function FilterFields({ filters, onChange, focusKey, openKey }: FilterFieldsProps) {
  const specs = useFilterSpecs(filters, onChange);
  useEffect(() => {
    if (focusKey) document.getElementById(filterInputId(focusKey))?.focus();
  }, [focusKey]);
  return (
    <>
      {specs.map((spec) => {
        if (spec.kind === 'signals') return <SignalChips key={spec.key} filters={filters} onChange={onChange} />;
        const common = {
          id: filterInputId(spec.key),
          label: spec.label,
          data: spec.data,
          size: 'xs' as const,
          miw: spec.miw,
          defaultDropdownOpened: openKey === spec.key,
        };
        if (spec.kind === 'many') {
          // A filter that takes any number of values; empty reads "Any".
          return (
            <MultiSelect
              key={spec.key}
              {...common}
              placeholder={spec.value.length ? undefined : 'Any'}
              value={spec.value}
              onChange={spec.onChange}
              clearable
            />
          );
        }
        return (
          <Select
            key={spec.key}
            {...common}
            placeholder={spec.placeholder}
            value={spec.value}
            onChange={spec.onChange}
            clearable={spec.clearable}
            allowDeselect={spec.clearable}
          />
        );
      })}
    </>
  );
}
