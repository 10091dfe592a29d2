import type { Team } from '../api/types.js';

type Option = { value: string; label: string; disabled?: boolean };

const byName = (a: Team, b: Team) => a.name.localeCompare(b.name);

/**
 * Teams to choose for new work: the active ones; archived teams come last, marked and not
 * choosable, so a record that already names one still shows its name.
 */
export function teamOptions(teams: readonly Team[] | undefined): Option[] {
  const list = [...(teams ?? [])].sort(byName);
  return [
    ...list.filter((t) => t.archivedAt === null).map((t) => ({ value: t.id, label: t.name })),
    ...list.filter((t) => t.archivedAt !== null).map((t) => ({ value: t.id, label: `${t.name} (archived)`, disabled: true })),
  ];
}

/** Teams to filter records by: archived teams keep their old cases findable, in a group of their own. */
export function teamFilterOptions(teams: readonly Team[] | undefined): ({ group: string; items: Option[] } | Option)[] {
  const list = [...(teams ?? [])].sort(byName);
  const active = list.filter((t) => t.archivedAt === null).map((t) => ({ value: t.id, label: t.name }));
  const archived = list.filter((t) => t.archivedAt !== null).map((t) => ({ value: t.id, label: t.name }));
  return archived.length === 0
    ? active
    : [
        { group: 'Teams', items: active },
        { group: 'Archived', items: archived },
      ];
}
