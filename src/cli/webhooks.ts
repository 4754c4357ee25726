// shipdock webhooks trigger
import { readAccountClock } from '../domain/sandbox/clock.ts';
import { triggerSampleEvent } from '../domain/sandbox/webhook-trigger.ts';
import { accountOption, type Cli } from './kit.ts';

export function webhooks(cli: Cli): void {
  const group = cli.group('webhooks', 'webhook subscriptions');

  cli
    .command(group, 'trigger <event>', 'queue a sample event (track, SHIP_NOTIFY, ...) to every URL subscribed to it')
    .addOption(accountOption())
    .action(
      cli.run(async (s, event: string, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const db = await s.db();
        const at = (await readAccountClock(db, accountId, new Date())).now;
        const queued = await db.transaction().execute((tx) => triggerSampleEvent(tx, accountId, event, at));
        return {
          json: { accountId, event, queued },
          text: `account ${accountId}: ${queued} sample ${event} deliver${queued === 1 ? 'y' : 'ies'} queued (sent by the server's job runner)`,
        };
      }),
    );
}
