import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Engine } from './index.ts';
import { foundation } from './migrations/0001_foundation.ts';
import { shipping } from './migrations/0002_shipping.ts';
import { orders } from './migrations/0003_orders.ts';
import { funds } from './migrations/0005_funds.ts';
import { labels } from './migrations/0006_labels.ts';
import { batches } from './migrations/0007_batches.ts';
import { manifestsPickups } from './migrations/0008_manifests_pickups.ts';
import { accountDocuments } from './migrations/0009_account_documents.ts';
import { insuranceServicePointsTokens } from './migrations/0010_insurance_service_points_tokens.ts';
import { mailing } from './migrations/0011_mailing.ts';
import { webhooksSandbox } from './migrations/0013_webhooks_sandbox.ts';
import { inventory } from './migrations/0014_inventory.ts';
import { dashboard } from './migrations/0016_dashboard.ts';
import { sandboxExtras } from './migrations/0018_sandbox_extras.ts';
import { sandboxSnapshots } from './migrations/0019_sandbox_snapshots.ts';
import { ordersAtScale } from './migrations/0020_orders_at_scale.ts';
import { orderV1Json } from './migrations/0021_order_v1_json.ts';

export type MigrationFactory = (engine: Engine) => Migration;

// Ordered by name; each later issue adds its own file here.
const migrations: Record<string, MigrationFactory> = {
  '0001_foundation': foundation,
  '0002_shipping': shipping,
  '0003_orders': orders,
  '0005_funds': funds,
  '0006_labels': labels,
  '0007_batches': batches,
  '0008_manifests_pickups': manifestsPickups,
  '0009_account_documents': accountDocuments,
  '0010_insurance_service_points_tokens': insuranceServicePointsTokens,
  '0011_mailing': mailing,
  '0013_webhooks_sandbox': webhooksSandbox,
  '0014_inventory': inventory,
  '0016_dashboard': dashboard,
  '0018_sandbox_extras': sandboxExtras,
  '0019_sandbox_snapshots': sandboxSnapshots,
  '0020_orders_at_scale': ordersAtScale,
  '0021_order_v1_json': orderV1Json,
};

/** The newest migration: snapshots record it, so a restore never meets columns it does not know. */
export const latestMigration = (): string => Object.keys(migrations).sort().at(-1)!;

class StaticProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(migrations).map(([name, make]) => [name, make(this.engine)]));
  }
}

export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<void> {
  // Kysely looks for its bookkeeping tables in any schema unless told which; name the current one
  // so databases with several Shipdock schemas (tests, tenants) keep them apart.
  const schema =
    engine === 'postgres' ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db, provider: new StaticProvider(engine), migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
