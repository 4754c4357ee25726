// shipdock accounts create|list
import { Option } from 'commander';
import { createAccount, listAccounts, type Account } from '../domain/accounts/accounts.ts';
import { ADDONS, PLANS, type Addon, type Plan } from '../domain/accounts/plans.ts';
import type { Cli } from './kit.ts';

const line = (a: Account) => `${a.id}\t${a.plan}\t${a.addons.join(',') || '-'}\t${a.active ? 'active' : 'disabled'}\tpartner ${a.partnerId ?? '-'}`;

export function accounts(cli: Cli): void {
  const group = cli.group('accounts', 'accounts (tenants) and their plans');

  cli
    .command(group, 'create', 'create an account with its owner user, manual store and carriers')
    .addOption(new Option('--plan <plan>', 'billing plan').choices(PLANS).makeOptionMandatory())
    .addOption(new Option('--addon <addon...>', 'add-on (repeatable)').choices(ADDONS))
    .action(
      cli.run(async (s, opts: { plan: Plan; addon?: Addon[] }) => {
        const addons = opts.addon ?? [];
        const account = await (await s.db()).transaction().execute((tx) => createAccount(tx, { plan: opts.plan, addons }, s.now()));
        return { json: account, text: `account ${account.id} created (plan ${account.plan}${addons.length ? `, add-ons ${addons.join(', ')}` : ''})` };
      }),
    );

  cli.command(group, 'list', 'list accounts: id, plan, add-ons, state, partner').action(
    cli.run(async (s) => {
      const all = await listAccounts(await s.db());
      return { json: all, text: all.map(line) };
    }),
  );
}
