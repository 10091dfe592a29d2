import { useMemo } from 'react';
import { useEmployees, useTeams } from '../../api/directory.js';
import { useDeadlineSettings } from '../../api/settings.js';
import type { Me } from '../../api/types.js';
import { teamOptions } from '../../lib/team-options.js';

/** What the report offers to choose from: the reporter's colleagues, the teams and the case types. */
export function useReportChoices(me: Me) {
  const teams = useTeams();
  const employees = useEmployees();
  const caseTypes = useDeadlineSettings().data?.caseTypes ?? [];
  const colleagues = useMemo(
    () => (employees.data ?? []).filter((e) => e.id !== me.employeeId).map((e) => ({ value: e.id, label: e.name })),
    [employees.data, me.employeeId],
  );
  // An archived team takes no new cases.
  const teamChoices = teamOptions(teams.data).filter((t) => !t.disabled);
  return { colleagues, teams: teamChoices, caseTypes };
}

export type ReportChoices = ReturnType<typeof useReportChoices>;
