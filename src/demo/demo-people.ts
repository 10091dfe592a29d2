import type { Random } from './random.js';

/** The demo company: a small outdoor-clothing chain with two stores, a web shop and a returns desk. */
export const DEMO_WORKSPACE_NAME = 'Harbor & Pine Outfitters';
const STAFF_DOMAIN = 'harborpine.example';

export const TEAM_KEYS = ['harborside', 'pinehill', 'online', 'returns'] as const;
export type TeamKey = (typeof TEAM_KEYS)[number];

/** Team names as shown in the app, and how a sentence refers to the place. */
export const TEAMS: Record<TeamKey, { name: string; place: string }> = {
  harborside: { name: 'Harborside Store', place: 'the Harborside store' },
  pinehill: { name: 'Pinehill Store', place: 'the Pinehill store' },
  online: { name: 'Online Support', place: 'online support' },
  returns: { name: 'Returns Desk', place: 'the returns desk' },
};

export type StaffRole = 'admin' | 'supervisor' | 'hr' | 'employee';

/** A person on staff; `role` set means they also have a login. */
export type StaffMember = { key: string; name: string; team: TeamKey | null; role: StaffRole | null; alsoLeads?: TeamKey[] };

/**
 * Everyone on staff. Supervisors and front-line staff are employees (they can be party to a case);
 * the admin and HR hold accounts only. Staff without a role have no login, as in most shops.
 */
export const STAFF: readonly StaffMember[] = [
  { key: 'rosa', name: 'Rosa Delgado', team: null, role: 'admin' },
  { key: 'dana', name: 'Dana Whitfield', team: 'harborside', role: 'supervisor', alsoLeads: ['returns'] },
  { key: 'marcus', name: 'Marcus Bell', team: 'pinehill', role: 'supervisor', alsoLeads: ['online'] },
  { key: 'priya', name: 'Priya Natarajan', team: null, role: 'hr' },
  { key: 'tom', name: 'Tom Okafor', team: 'harborside', role: 'employee' },
  { key: 'lena', name: 'Lena Fischer', team: 'pinehill', role: 'employee' },
  { key: 'sam', name: 'Sam Reyes', team: 'online', role: 'employee' },
  { key: 'jamal', name: 'Jamal Carter', team: 'returns', role: 'employee' },
  { key: 'aiko', name: 'Aiko Tanaka', team: 'online', role: 'employee' },
  { key: 'ben', name: 'Ben Marsh', team: 'harborside', role: null },
  { key: 'chloe', name: 'Chloe Dubois', team: 'harborside', role: null },
  { key: 'evan', name: 'Evan Price', team: 'pinehill', role: null },
  { key: 'hannah', name: 'Hannah Lee', team: 'pinehill', role: null },
  { key: 'ivy', name: 'Ivy Mendes', team: 'online', role: null },
  { key: 'noah', name: 'Noah Grant', team: 'returns', role: null },
  { key: 'ruth', name: 'Ruth Adeyemi', team: 'returns', role: null },
  { key: 'owen', name: 'Owen Walsh', team: 'harborside', role: null },
];

/** The teams whose cases a person works on: their own and, for supervisors, the ones they also lead. */
export const teamsOf = (s: StaffMember): TeamKey[] => [...(s.team ? [s.team] : []), ...(s.alsoLeads ?? [])];

/** Admin and HR are office roles, not people a customer meets on the shop floor. */
export const isEmployeeRecord = (s: StaffMember): boolean => s.role !== 'admin' && s.role !== 'hr';

export const staffEmail = (s: StaffMember): string => `${s.name.toLowerCase().replace(/[^a-z]+/g, '.')}@${STAFF_DOMAIN}`;

/** Each account gets its own fixed password so the printed logins stay valid across runs. */
export const staffPassword = (index: number): string => `demo-password-${index + 1}`;

/** Staff with a login, in the order their logins are printed. */
export const ACCOUNT_HOLDERS: readonly StaffMember[] = STAFF.filter((s) => s.role !== null);

/** Who handles a team's cases by default. */
export const TEAM_HANDLER: Record<TeamKey, string> = { harborside: 'dana', pinehill: 'marcus', online: 'rosa', returns: 'dana' };

const FIRST_NAMES = [
  'Maya',
  'Daniel',
  'Grace',
  'Victor',
  'Elena',
  'Samuel',
  'Nora',
  'Patrick',
  'Amara',
  'Lucas',
  'Helen',
  'Arjun',
  'Sofia',
  'Martin',
  'Leah',
  'Oscar',
  'Fatima',
  'George',
  'Ingrid',
  'Kwame',
  'Rachel',
  'Tobias',
  'Yara',
  'Connor',
  'Beatriz',
  'Walter',
  'Mei',
  'Hugo',
  'Naomi',
  'Felix',
  'Alice',
  'Ravi',
  'Claire',
  'Diego',
  'Joan',
  'Emil',
  'Zara',
  'Frank',
  'Lucia',
  'Isaac',
  'Monica',
  'Theo',
  'Ada',
  'Rafael',
  'Bridget',
  'Sven',
  'Keiko',
  'Louis',
  'Priscilla',
  'Omar',
  'Vera',
  'Caleb',
  'Ines',
  'Harold',
  'Tessa',
  'Malik',
  'Greta',
  'Pablo',
  'Wendy',
  'Anton',
] as const;

const LAST_NAMES = [
  'Okonkwo',
  'Hartley',
  'Lindqvist',
  'Moreau',
  'Castillo',
  'Brennan',
  'Kowalski',
  'Nakamura',
  'Osei',
  'Fairbanks',
  'Delacroix',
  'Whitmore',
  'Sandoval',
  'Petrov',
  'Ashford',
  'Mbeki',
  'Halloran',
  'Varga',
  'Ellison',
  'Quinn',
  'Rasmussen',
  'Takahashi',
  'Abara',
  'Pemberton',
  'Costa',
  'Lindgren',
  'Farouk',
  'Dunmore',
  'Serrano',
  'Holt',
  'Iverson',
  'Mahler',
  'Oyelaran',
  'Kerrigan',
  'Vasquez',
  'Novak',
  'Chowdhury',
  'Bramwell',
  'Ferreira',
  'Larkin',
  'Haddad',
  'Sorensen',
  'Atwood',
  'Ibarra',
  'Kendrick',
  'Oduya',
  'Marchetti',
  'Whelan',
  'Yilmaz',
  'Rutherford',
  'Baptiste',
  'Lindholm',
  'Acheampong',
  'Grady',
  'Moretti',
  'Solberg',
  'Ngata',
  'Everly',
  'Duarte',
  'Hollis',
] as const;

const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'] as const;
const AREA_CODES = ['206', '253', '360', '425', '503', '971'] as const;

export type DemoCustomer = { name: string; email: string | null; phone: string | null };

/**
 * Sixty invented shoppers. Emails use reserved example domains and phone numbers sit in the
 * 555-01xx block kept for fiction, so no real person is ever addressed. Some walk-ins left only
 * a phone number or only an email, as happens at a till.
 */
export function demoCustomers(random: Random): DemoCustomer[] {
  return FIRST_NAMES.map((first, i) => {
    const last = LAST_NAMES[(i * 37) % LAST_NAMES.length] as string;
    const handle = random.pick([`${first}.${last}`, `${first[0]}${last}`, `${first}${random.int(1, 99)}`]).toLowerCase();
    const email = `${handle}@${random.pick(MAIL_DOMAINS)}`;
    const phone = `(${random.pick(AREA_CODES)}) 555-01${String(i % 100).padStart(2, '0')}`;
    const contact = random.next();
    return { name: `${first} ${last}`, email: contact < 0.15 ? null : email, phone: contact > 0.85 ? null : phone };
  });
}
