// shipdock sandbox reset
import { readAccountClock } from '../domain/sandbox/clock.ts';
import { resetAccountData } from '../domain/sandbox/reset.ts';
import { accountOption, type Cli } from './kit.ts';

export function sandbox(cli: Cli): void {
  const group = cli.group('sandbox', 'sandbox controls');

  cli
    .command(group, 'reset', "delete the account's shipping data; carriers and balances return to a new account's")
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const summary = await (await s.db()).transaction().execute(async (tx) => resetAccountData(tx, accountId, (await readAccountClock(tx, accountId, new Date())).now));
        return {
          json: { accountId, ...summary },
          text: `account ${accountId} reset: ${summary.orders} orders, ${summary.shipments} shipments, ${summary.labels} labels, ${summary.webhooks} webhooks deleted; carriers and balances restored`,
        };
      }),
    );
}
