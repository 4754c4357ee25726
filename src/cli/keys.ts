// shipdock keys create|list|delete: V1 key pairs, V2/ShipEngine API keys, partner keys.
import { Option } from 'commander';
import { DEFAULT_PARTNER_ID } from '../domain/accounts/bootstrap.ts';
import { createApiKey, createV1KeyPair, deleteKey, listKeys, V1_KEY_MONTHS } from '../domain/accounts/keys.ts';
import { DomainError } from '../domain/errors.ts';
import { accountOption, usage, type Cli } from './kit.ts';

const SHOWN_ONCE = '(shown once: only its hash is stored)';

export function keys(cli: Cli): void {
  const group = cli.group('keys', 'API credentials (only their hashes are stored)');

  cli
    .command(group, 'create', 'create a V2/ShipEngine API key; --v1 a V1 key pair; --partner a partner key')
    .option('--v1', 'a V1 key pair (key + secret), at most two live per account')
    .addOption(new Option('--months <months>', 'V1 pair lifetime').choices(V1_KEY_MONTHS.map(String)))
    .option('--partner', 'a partner API key (acts for its accounts with On-Behalf-Of)')
    .option('--description <text>', 'API key description')
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { v1?: boolean; months?: string; partner?: boolean; description?: string; account?: number }) => {
        const db = await s.db();
        if (opts.v1 && opts.partner) throw usage('--v1 and --partner exclude each other');
        if (opts.v1) {
          if (!opts.months) throw usage(`--v1 needs --months ${V1_KEY_MONTHS.join('|')}`);
          const accountId = await s.account(opts.account);
          const pair = await db.transaction().execute((tx) => createV1KeyPair(tx, accountId, Number(opts.months), s.now()));
          return {
            json: { id: `v1-${pair.id}`, kind: 'v1', accountId, apiKey: pair.apiKey, apiSecret: pair.apiSecret, expiresAt: pair.expiresAt },
            text: [`V1 key pair v1-${pair.id} for account ${accountId}, expires ${pair.expiresAt}`, `  API key:    ${pair.apiKey}`, `  API secret: ${pair.apiSecret}`, SHOWN_ONCE],
          };
        }
        if (opts.months) throw usage('--months applies to --v1 key pairs only');
        if (opts.partner) {
          if (opts.account !== undefined) throw usage('a partner key belongs to the partner, not to an --account');
          const partner = await db.selectFrom('partners').select('id').where('id', '=', DEFAULT_PARTNER_ID).executeTakeFirst();
          if (!partner) throw new DomainError('not_found', 'there is no partner yet: start the server once (it creates the default partner)');
          const key = await db.transaction().execute((tx) => createApiKey(tx, { partnerId: DEFAULT_PARTNER_ID }, s.now(), { description: opts.description }));
          return {
            json: { id: `key-${key.id}`, kind: 'partner', partnerId: DEFAULT_PARTNER_ID, apiKey: key.apiKey, description: key.description, createdAt: key.createdAt },
            text: [`partner key key-${key.id}: ${key.apiKey}`, SHOWN_ONCE],
          };
        }
        const accountId = await s.account(opts.account);
        const key = await db.transaction().execute((tx) => createApiKey(tx, { accountId }, s.now(), { description: opts.description }));
        return {
          json: { id: `key-${key.id}`, kind: 'api', accountId, apiKey: key.apiKey, description: key.description, createdAt: key.createdAt },
          text: [`API key key-${key.id} for account ${accountId}: ${key.apiKey}`, SHOWN_ONCE],
        };
      }),
    );

  cli
    .command(group, 'list', 'list live keys (all accounts unless --account): id, kind, owner, hint, dates')
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { account?: number }) => {
        const listed = await listKeys(await s.db(), opts.account === undefined ? undefined : await s.account(opts.account));
        return {
          json: listed,
          text: listed.map((k) => {
            const owner = k.partnerId !== null ? `partner ${k.partnerId}` : `account ${k.accountId}`;
            return `${k.id}\t${k.kind}\t${owner}\t${k.hint}\tcreated ${k.createdAt}\texpires ${k.expiresAt ?? 'never'}\t${k.description}`;
          }),
        };
      }),
    );

  cli.command(group, 'delete <id>', 'delete a key by its listed id (v1-3, key-7); permanent').action(
    cli.run(async (s, id: string) => {
      await (await s.db()).transaction().execute((tx) => deleteKey(tx, id, s.now()));
      return { json: { id, deleted: true }, text: `${id} deleted` };
    }),
  );
}
