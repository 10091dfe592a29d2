import { type Action, type Condition, PERMISSIONS, type Resource, ROLES, type Role } from './permissions.js';
import { orList } from './words.js';

const ROLE_NOUN: Record<Role, string> = { employee: 'an employee', supervisor: 'a supervisor', hr: 'HR', admin: 'an admin' };

/** What an action is, said the way people say it; the rest read from the generic verbs below. */
const DOINGS: Partial<Record<`${Action} ${Resource}`, string>> = {
  'update case': 'change this case',
  'assign case': 'assign this case',
  'transition case': 'move this case to another status',
  'annotate case': 'add notes and replies to this case',
  'create statement': 'add this statement',
  'read employee_history': 'see this employee’s history',
  'create resolution': 'propose a resolution',
  'update resolution': 'change the resolution',
  'approve resolution': 'approve or reject this resolution',
  'create commitment': 'make a promise on this case',
  'update commitment': 'mark this promise kept, broken or cancelled',
  'create follow_up': 'plan a follow-up',
  'update settings': 'change the workspace settings',
  'list access_log': 'read the access log',
  'create user': 'invite people',
  'update user': 'change people’s accounts',
  'approve forum_thread': 'mark a thread reviewed',
  'update forum_thread': 'merge threads',
  'update forum_post': 'edit this post',
  'delete forum_post': 'hide posts',
  'read personal_data': 'export a customer’s personal data',
  'delete personal_data': 'erase a customer’s personal data',
};

const VERB: Record<Action, string> = {
  list: 'see the list of',
  read: 'open this',
  create: 'create this',
  update: 'change this',
  delete: 'delete this',
  assign: 'assign this',
  transition: 'move this',
  annotate: 'annotate this',
  approve: 'approve this',
};

/** "add the customer's statement", from the table of phrases or the action's verb and the resource. */
export function doingOf(action: Action, resource: Resource): string {
  const words = resource.replace(/_/g, ' ');
  return DOINGS[`${action} ${resource}`] ?? `${VERB[action]} ${action === 'list' ? `${words}s` : words}`;
}

/** The roles the permission table lets do this under some condition (excluding the given conditions). */
export function rolesThatMay(action: Action, resource: Resource, except: readonly Condition[] = []): Role[] {
  return ROLES.filter((role) =>
    PERMISSIONS.some(([r, a, res, c]) => r === role && a === action && res === resource && !except.includes(c)),
  );
}

/**
 * A refusal worded for people: who can do it and, when known, whom to ask.
 * "Only a supervisor or an admin can add the customer's statement. Ask Dana Whitfield."
 */
export function refusal(
  action: Action,
  resource: Resource,
  options: { doing?: string | undefined; roles?: readonly Role[] | undefined; ask?: readonly string[] | undefined } = {},
): string {
  const doing = options.doing ?? doingOf(action, resource);
  const roles = options.roles ?? rolesThatMay(action, resource);
  const ask = options.ask?.length ? ` Ask ${orList(options.ask)}.` : '';
  if (roles.length === 0) return `Nobody can ${doing}.`;
  return `Only ${orList(roles.map((r) => ROLE_NOUN[r]))} can ${doing}.${ask}`;
}
