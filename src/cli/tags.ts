// shipdock tags create
import { createTag } from '../domain/tags/tags.ts';
import { accountOption, usage, type Cli } from './kit.ts';

export function tags(cli: Cli): void {
  const group = cli.group('tags', 'order tags');

  cli
    .command(group, 'create <name>', 'create an order tag')
    .option('--color <#RRGGBB>', 'tag color (default: derived from the name)')
    .addOption(accountOption())
    .action(
      cli.run(async (s, name: string, opts: { color?: string; account?: number }) => {
        if (opts.color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(opts.color)) throw usage(`--color must look like #FF0000, not ${opts.color}`);
        const accountId = await s.account(opts.account);
        const tag = await (await s.db()).transaction().execute((tx) => createTag(tx, accountId, name, s.now(), opts.color));
        return { json: { ...tag, accountId }, text: `tag ${tag.id} "${tag.name}" ${tag.color} created for account ${accountId}` };
      }),
    );
}
