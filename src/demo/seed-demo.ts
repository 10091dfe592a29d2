import type { Kysely } from 'kysely';
import type { Tables } from '../store/schema.js';

export type DemoLogin = { role: string; name: string; email: string; password: string; token: string };
export type DemoResult = { created: boolean; workspace: { id: string; name: string; slug: string }; logins: DemoLogin[]; cases: number };

export async function seedDemo(_db: Kysely<Tables>, _now: Date): Promise<DemoResult> {
  throw new Error('being written');
}
