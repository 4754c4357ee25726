import type { Executor } from '../../db/index.ts';

export interface User {
  id: string;
  name: string;
  username: string;
  email: string;
  status: string;
  createdAt: string;
  lastLoginAt: string | null;
}

export async function listUsers(
  ex: Executor,
  accountId: number,
  options: { status?: string; includeInactive?: boolean; offset?: number; limit?: number } = {},
): Promise<{ users: User[]; total: number }> {
  let query = ex.selectFrom('users').where('account_id', '=', accountId);
  if (options.status) query = query.where('status', '=', options.status);
  else if (!options.includeInactive) query = query.where('status', '=', 'active');
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at').orderBy('id').offset(options.offset ?? 0).limit(options.limit ?? 500).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const users = rows.map((r) => ({
    id: r.id,
    name: r.name,
    username: r.username,
    email: r.email,
    status: r.status,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  }));
  return { users, total: Number(count.n) };
}
