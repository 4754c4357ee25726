// shipdock webhook-keys rotate
import { rotateSigningKey } from '../domain/webhooks/signing.ts';
import type { Cli } from './kit.ts';

export function webhookKeys(cli: Cli): void {
  const group = cli.group('webhook-keys', 'the key that signs webhook deliveries');

  cli.command(group, 'rotate', 'sign with a new key; the old one stays published a week').action(
    cli.run(async (s) => {
      const kid = await (await s.db()).transaction().execute((tx) => rotateSigningKey(tx, s.now()));
      return { json: { kid }, text: `webhooks are now signed with key ${kid}` };
    }),
  );
}
