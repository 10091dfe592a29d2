/** The four roles an account can have; kept apart from the permission table so clients can list them cheaply. */
export const ROLES = ['employee', 'supervisor', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];
