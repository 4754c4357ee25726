// Every command group of `shipdock`, in the order `shipdock --help` lists them.
// A new group: a file beside this one exporting `(cli: Cli) => void`, and one line here.
import { accounts } from './accounts.ts';
import { clock } from './clock.ts';
import { keys } from './keys.ts';
import type { Cli } from './kit.ts';
import { rules } from './rules.ts';
import { sandbox } from './sandbox.ts';
import { tags } from './tags.ts';
import { webhookKeys } from './webhook-keys.ts';
import { webhooks } from './webhooks.ts';

export const COMMAND_GROUPS: ((cli: Cli) => void)[] = [accounts, keys, tags, rules, clock, sandbox, webhooks, webhookKeys];
