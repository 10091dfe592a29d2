import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/permissions.js';
import { workspaceAbilities } from './workspace-abilities.js';

const as = (role: Role) => workspaceAbilities({ userId: 'u', workspaceId: 'w', role, teamIds: ['t'], employeeId: null });
const names = (role: Role) =>
  Object.entries(as(role))
    .filter(([, yes]) => yes)
    .map(([ability]) => ability)
    .sort();

describe('what each role may do across the workspace (me.can)', () => {
  it('opens the areas of the app the permission table gives each role, written out', () => {
    expect(names('employee')).toEqual(['createTokens', 'reportIncident']);
    expect(names('supervisor')).toEqual([
      'answerSupport',
      'assignTraining',
      'createTokens',
      'draftScenarios',
      'manageImprovements',
      'manageSavedReplies',
      'placeHeldMail',
      'readAgendas',
      'readCoachingReport',
      'readCommitmentReport',
      'readDashboard',
      'readEmployeeHistories',
      'readManagementSummary',
      'readOthersPractice',
      'readTrainingReports',
      'reportIncident',
      'reviewNewsletters',
      'reviewPractice',
      'shareViews',
      'steerThemes',
      'workCaseInbox',
    ]);
    // HR reads every case but reports none (the table gives HR no "create case"): the menu used to offer it anyway.
    expect(names('hr')).toEqual([
      'createTokens',
      'readAccessLog',
      'readAgendas',
      'readCoachingReport',
      'readCommitmentReport',
      'readDashboard',
      'readEmployeeHistories',
      'readManagementSummary',
      'readOthersPractice',
      'readPeopleReport',
      'readReviews',
      'readTrainingReports',
      'reviewNewsletters',
      'workCaseInbox',
    ]);
    expect(names('admin')).toEqual(Object.keys(as('admin')).sort());
  });
});
