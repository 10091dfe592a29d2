import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, conditionsFor, type Principal, RESOURCES, ROLES } from './permissions.js';

const who = (role: Principal['role'], teamIds: string[] = ['t1']): Principal => ({ userId: 'u1', role, teamIds });
const caseOf = (teamId: string, involved: string[] = []) => ({ teamIds: [teamId], involvedUserIds: involved });

describe('the permission table', () => {
  it('lets employees work only on cases they reported or are party to', () => {
    const e = who('employee');
    expect(authorize(e, 'create', 'case')).toBe(true);
    expect(authorize(e, 'read', 'case', caseOf('t1', ['u1']))).toBe(true);
    expect(authorize(e, 'update', 'case', caseOf('t9', ['u1']))).toBe(true);
    expect(authorize(e, 'read', 'case', caseOf('t1', ['someone else']))).toBe(false);
    expect(authorize(e, 'transition', 'case', caseOf('t1', ['u1']))).toBe(false);
    expect(authorize(e, 'assign', 'case', caseOf('t1', ['u1']))).toBe(false);
  });

  it('keeps HR data and contact details away from front-line staff', () => {
    const e = who('employee');
    expect(authorize(e, 'read', 'review')).toBe(false);
    expect(authorize(e, 'list', 'access_log')).toBe(false);
    expect(authorize(e, 'read', 'employee_history', { teamIds: ['t1'], ownerUserId: 'colleague' })).toBe(false);
    expect(authorize(e, 'read', 'employee_history', { teamIds: ['t1'], ownerUserId: 'u1' })).toBe(true);
    expect(authorize(e, 'read', 'customer_contact', { involvedUserIds: [] })).toBe(false);
    expect(authorize(e, 'read', 'customer_contact', { involvedUserIds: ['u1'] })).toBe(true);
  });

  it('gives supervisors their teams: cases, assignment, status and people', () => {
    const s = who('supervisor', ['t1', 't2']);
    for (const action of ['read', 'update', 'assign', 'transition', 'annotate'] as const) {
      expect(authorize(s, action, 'case', caseOf('t2'))).toBe(true);
      expect(authorize(s, action, 'case', caseOf('t3'))).toBe(false);
    }
    expect(authorize(s, 'read', 'employee_history', { teamIds: ['t1'] })).toBe(true);
    expect(authorize(s, 'read', 'employee_history', { teamIds: ['t3'] })).toBe(false);
    expect(authorize(s, 'read', 'review')).toBe(false);
  });

  it("shows agendas to their teams' supervisors, HR and admins; approved newsletters to everyone", () => {
    const e = who('employee');
    const s = who('supervisor', ['t1']);
    const h = who('hr', []);
    expect(authorize(e, 'read', 'agenda')).toBe(false);
    expect(authorize(e, 'read', 'management_summary')).toBe(false);
    expect(authorize(e, 'read', 'newsletter')).toBe(true);
    expect(authorize(e, 'update', 'newsletter')).toBe(false);
    expect(authorize(e, 'approve', 'newsletter')).toBe(false);
    expect(authorize(s, 'update', 'agenda', { teamIds: ['t1'] })).toBe(true);
    expect(authorize(s, 'read', 'agenda', { teamIds: ['t2'] })).toBe(false);
    expect(authorize(s, 'approve', 'newsletter')).toBe(true);
    expect(authorize(h, 'read', 'agenda', { teamIds: ['t2'] })).toBe(true);
    expect(authorize(h, 'approve', 'agenda', { teamIds: ['t2'] })).toBe(false);
    expect(authorize(h, 'approve', 'newsletter')).toBe(true);
    expect(authorize(h, 'read', 'management_summary', { teamIds: ['t2'] })).toBe(true);
  });

  it('lets HR read every case and person but change no case', () => {
    const h = who('hr', []);
    expect(authorize(h, 'read', 'case', caseOf('t7'))).toBe(true);
    expect(authorize(h, 'read', 'employee_history', { teamIds: ['t7'] })).toBe(true);
    expect(authorize(h, 'list', 'review')).toBe(true);
    expect(authorize(h, 'list', 'access_log')).toBe(true);
    for (const action of ['create', 'update', 'assign', 'transition', 'annotate'] as const)
      expect(authorize(h, action, 'case')).toBe(false);
  });

  it('gives admins everything, except speaking for someone else, and nobody anything without a rule', () => {
    const ownOnly = new Set([
      'update follow_up',
      'update notification',
      'list notification',
      'update forum_post',
      'update training_session',
      'create review_response',
      'update review_response',
    ]);
    const admin = who('admin');
    for (const resource of RESOURCES)
      for (const action of ACTIONS) {
        const key = `${action} ${resource}`;
        expect(authorize(admin, action, resource, {}), key).toBe(!ownOnly.has(key));
        expect(authorize(admin, action, resource, { ownerUserId: admin.userId }), key).toBe(true);
      }
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(authorize(who(role), 'create', 'user')).toBe(false);
      expect(conditionsFor(role, 'update', 'user')).toEqual([]);
    }
  });

  it('lets everyone practise; a session is seen by its owner, their supervisors, HR and admins, and played only by its owner', () => {
    const mine = { ownerUserId: 'u1', teamIds: ['t1'] };
    const colleagues = { ownerUserId: 'u2', teamIds: ['t1'] };
    const elsewhere = { ownerUserId: 'u3', teamIds: ['t9'] };
    for (const role of ROLES) {
      expect(authorize(who(role), 'read', 'training_scenario'), role).toBe(true);
      expect(authorize(who(role), 'read', 'strategy_quiz'), role).toBe(true);
      expect(authorize(who(role), 'update', 'training_session', mine), role).toBe(true);
      expect(authorize(who(role), 'update', 'training_session', colleagues), role).toBe(false);
      expect(authorize(who(role), 'read', 'training_session', mine), role).toBe(true);
    }
    expect(authorize(who('employee'), 'read', 'training_session', colleagues)).toBe(false);
    expect(authorize(who('supervisor'), 'read', 'training_session', colleagues)).toBe(true);
    expect(authorize(who('supervisor'), 'read', 'training_session', elsewhere)).toBe(false);
    expect(authorize(who('hr'), 'read', 'training_session', elsewhere)).toBe(true);
    expect(authorize(who('admin'), 'read', 'training_session', elsewhere)).toBe(true);
    // A supervisor edits only a draft they made themselves (from a closed case); an admin any copy.
    expect(authorize(who('supervisor'), 'update', 'training_scenario', { ownerUserId: 'u1' })).toBe(true);
    expect(authorize(who('supervisor'), 'update', 'training_scenario', { ownerUserId: 'u2' })).toBe(false);
    expect(authorize(who('supervisor'), 'update', 'training_scenario', { ownerUserId: null })).toBe(false);
    expect(authorize(who('admin'), 'update', 'training_scenario')).toBe(true);
  });

  it('refuses a conditional rule when the facts it needs are missing', () => {
    expect(authorize(who('employee'), 'read', 'case', {})).toBe(false);
    expect(authorize(who('supervisor'), 'read', 'case', { teamIds: [null] })).toBe(false);
    expect(authorize(who('employee'), 'delete', 'token', {})).toBe(false);
  });
});
