// shipdock sandbox reset | seed | snapshot save|restore|list|delete
import { readAccountClock } from '../domain/sandbox/clock.ts';
import { resetAccountData } from '../domain/sandbox/reset.ts';
import { seedAccount, type SeedSummary } from '../domain/sandbox/seed.ts';
import { deleteSnapshot, listSnapshots, restoreSnapshot, saveSnapshot } from '../domain/sandbox/snapshots.ts';
import type { Db } from '../db/index.ts';
import { accountOption, wholeNumber, type Cli, type Session } from './kit.ts';

export function sandbox(cli: Cli): void {
  const group = cli.group('sandbox', 'sandbox controls');
  // The account's test clock dates what a command writes, read in the command's transaction.
  const inTransaction = async <T>(s: Session, accountId: number, work: (tx: Db, now: string) => Promise<T>) =>
    (await s.db()).transaction().execute(async (tx) => work(tx, (await readAccountClock(tx, accountId, new Date())).now));

  cli
    .command(group, 'reset', "delete the account's shipping data; carriers and balances return to a new account's")
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const summary = await inTransaction(s, accountId, (tx, now) => resetAccountData(tx, accountId, now));
        return {
          json: { accountId, ...summary },
          text: `account ${accountId} reset: ${summary.orders} orders, ${summary.shipments} shipments, ${summary.labels} labels, ${summary.webhooks} webhooks deleted; carriers and balances restored`,
        };
      }),
    );

  cli
    .command(group, 'seed', 'fill the account with realistic, deterministic stores, customers, products, orders and test labels')
    .requiredOption('--orders <n>', 'how many orders (up to 1,000,000)', wholeNumber)
    .option('--seed <n>', 'the same seed gives the same data', wholeNumber, 1)
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { orders: number; seed: number; account?: number }) => {
        const accountId = await s.account(opts.account);
        const summary = await inTransaction(s, accountId, (tx, now) => seedAccount(tx, accountId, { orders: opts.orders, seed: opts.seed }, now));
        return { json: { accountId, ...summary }, text: describeSeed(accountId, summary) };
      }),
    );

  const snapshot = group.command('snapshot').description("named copies of an account's data, restored in one transaction");
  cli
    .command(snapshot, 'save <name>', "save the account's data under NAME (replacing a snapshot of that name)")
    .addOption(accountOption())
    .action(
      cli.run(async (s, name: string, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const saved = await inTransaction(s, accountId, (tx, now) => saveSnapshot(tx, accountId, name, now));
        return { json: { accountId, ...saved }, text: `account ${accountId}: snapshot ${saved.name} saved (${saved.rowCount} rows, ${size(saved.byteSize)})` };
      }),
    );
  cli
    .command(snapshot, 'restore <name>', "replace the account's data with snapshot NAME")
    .addOption(accountOption())
    .action(
      cli.run(async (s, name: string, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const started = performance.now();
        const restored = await inTransaction(s, accountId, (tx, now) => restoreSnapshot(tx, accountId, name, now));
        const ms = Math.round(performance.now() - started);
        return { json: { accountId, ...restored, ms }, text: `account ${accountId}: snapshot ${restored.name} restored (${restored.rowCount} rows in ${ms} ms)` };
      }),
    );
  cli
    .command(snapshot, 'list', "the account's snapshots")
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        const snapshots = await listSnapshots(await s.db(), accountId);
        return {
          json: snapshots,
          text: snapshots.length ? snapshots.map((x) => `${x.name}\t${x.createdAt}\t${x.rowCount} rows\t${size(x.byteSize)}`) : `account ${accountId} has no snapshots`,
        };
      }),
    );
  cli
    .command(snapshot, 'delete <name>', 'delete snapshot NAME')
    .addOption(accountOption())
    .action(
      cli.run(async (s, name: string, opts: { account?: number }) => {
        const accountId = await s.account(opts.account);
        await (await s.db()).transaction().execute((tx) => deleteSnapshot(tx, accountId, name));
        return { json: { accountId, name, deleted: true }, text: `account ${accountId}: snapshot ${name} deleted` };
      }),
    );
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function describeSeed(accountId: number, s: SeedSummary): string {
  const statuses = Object.entries(s.byStatus).map(([status, n]) => `${status} ${n}`).join(', ');
  return `account ${accountId} seeded (seed ${s.seed}): ${s.orders} orders (${statuses}), ${s.stores} stores, ${s.customers} customers, ${s.products} products, ${s.labels} test labels`;
}
