// shipdock clock show|advance|set: an account's sandbox test clock.
import { moveAccountClock, readAccountClock } from '../domain/sandbox/clock.ts';
import { accountOption, type Cli, type Output, type Session } from './kit.ts';

async function move(s: Session, account: number | undefined, to: { duration?: string; at?: string }): Promise<Output> {
  const accountId = await s.account(account);
  const moved = await (await s.db()).transaction().execute((tx) => moveAccountClock(tx, accountId, new Date(), to));
  return {
    json: { accountId, ...moved.clock, trackingEvents: moved.trackingEvents },
    text: `account ${accountId} clock: ${moved.clock.now}; ${moved.trackingEvents} tracking event(s) raised (webhooks go out with the server's job runner)`,
  };
}

export function clock(cli: Cli): void {
  const group = cli.group('clock', "an account's test clock (never moves back)");

  cli
    .command(group, 'show', "the account's clock and how far it is ahead")
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const now = await readAccountClock(await s.db(), accountId, new Date());
        return { json: { accountId, ...now }, text: `account ${accountId} clock: ${now.now} (${now.offsetMs} ms ahead)` };
      }),
    );

  cli
    .command(group, 'advance <duration>', 'move the clock forward by an ISO-8601 duration (P3D, PT12H)')
    .addOption(accountOption())
    .action(cli.run((s, duration: string, opts: { account?: number }) => move(s, opts.account, { duration })));

  cli
    .command(group, 'set <instant>', 'move the clock to a later ISO-8601 date-time')
    .addOption(accountOption())
    .action(cli.run((s, at: string, opts: { account?: number }) => move(s, opts.account, { at })));
}
