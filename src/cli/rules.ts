// shipdock rules create|list|delete: shipping rules used by POST /v2/labels/shipping_rules/{id}.
import { Option } from 'commander';
import { createShippingRule, deleteShippingRule, listShippingRules, type ShippingRule } from '../domain/shipping-rules/rules.ts';
import { accountOption, seId, usage, type Cli } from './kit.ts';

function ounces(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw usage(`${flag} must be a number of ounces, not ${value}`);
  return n;
}

function describe(rule: ShippingRule): string {
  const c = rule.conditions;
  const when = [
    c.minWeightOz !== undefined ? `weight >= ${c.minWeightOz} oz` : null,
    c.maxWeightOz !== undefined ? `weight <= ${c.maxWeightOz} oz` : null,
    c.shipToCountries ? `ship-to in ${c.shipToCountries.join(',')}` : null,
    c.residential !== undefined ? (c.residential ? 'residential' : 'commercial') : null,
  ].filter(Boolean);
  return `se-${rule.id}\t${rule.name}\t${when.join(' and ') || 'any shipment'}\t-> carrier se-${rule.carrierId} ${rule.serviceCode}`;
}

const asJson = (rule: ShippingRule) => ({ ...rule, id: `se-${rule.id}`, carrierId: `se-${rule.carrierId}` });

interface CreateOptions {
  carrier: string;
  service: string;
  minWeightOz?: string;
  maxWeightOz?: string;
  country?: string[];
  residential?: 'yes' | 'no';
  account?: number;
}

export function rules(cli: Cli): void {
  const group = cli.group('rules', 'shipping rules: "when a shipment looks like this, use that carrier and service"');

  cli
    .command(group, 'create <name>', 'create a shipping rule (every condition given must hold)')
    .requiredOption('--carrier <se-id>', 'carrier id, e.g. se-3 (GET /v2/carriers)')
    .requiredOption('--service <code>', 'service code, e.g. ups_ground')
    .option('--min-weight-oz <n>', 'total weight at least N ounces')
    .option('--max-weight-oz <n>', 'total weight at most N ounces')
    .option('--country <cc...>', 'ship-to country code (repeatable)')
    .addOption(new Option('--residential <yes|no>', 'residential ship-to only (yes) or commercial only (no)').choices(['yes', 'no']))
    .addOption(accountOption())
    .action(
      cli.run(async (s, name: string, opts: CreateOptions) => {
        const carrierId = seId('--carrier', opts.carrier);
        const minWeightOz = ounces('--min-weight-oz', opts.minWeightOz);
        const maxWeightOz = ounces('--max-weight-oz', opts.maxWeightOz);
        const accountId = await s.account(opts.account);
        const rule = await (await s.db()).transaction().execute((tx) =>
          createShippingRule(
            tx,
            accountId,
            {
              name,
              carrierId,
              serviceCode: opts.service,
              conditions: {
                ...(minWeightOz !== undefined ? { minWeightOz } : {}),
                ...(maxWeightOz !== undefined ? { maxWeightOz } : {}),
                ...(opts.country ? { shipToCountries: opts.country } : {}),
                ...(opts.residential !== undefined ? { residential: opts.residential === 'yes' } : {}),
              },
            },
            s.now(),
          ),
        );
        return { json: asJson(rule), text: `shipping rule created for account ${accountId}: ${describe(rule)}` };
      }),
    );

  cli
    .command(group, 'list', "list an account's shipping rules")
    .addOption(accountOption())
    .action(
      cli.run(async (s, opts: { account?: number }) => {
        const listed = await listShippingRules(await s.db(), await s.account(opts.account));
        return { json: listed.map(asJson), text: listed.map(describe) };
      }),
    );

  cli
    .command(group, 'delete <se-id>', 'delete a shipping rule')
    .addOption(accountOption())
    .action(
      cli.run(async (s, given: string, opts: { account?: number }) => {
        const id = seId('rule id', given);
        const accountId = await s.account(opts.account);
        await (await s.db()).transaction().execute((tx) => deleteShippingRule(tx, accountId, id));
        return { json: { id: `se-${id}`, deleted: true }, text: `shipping rule se-${id} deleted` };
      }),
    );
}
