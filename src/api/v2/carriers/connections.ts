// Carrier connections: connect, disconnect, settings (POST/DELETE /connections/carriers/...).
import * as carriers from '../../../domain/carriers/connections.ts';
import { DomainError } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId, seId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

type NameParams = { carrier_name: string };
type IdParams = NameParams & { carrier_id: string };

const nameParams = {
  type: 'object',
  required: ['carrier_name'],
  properties: { carrier_name: { type: 'string', pattern: '^[a-z0-9_]+$' } },
} as const;
const idParams = {
  type: 'object',
  required: ['carrier_name', 'carrier_id'],
  properties: { carrier_name: { type: 'string', pattern: '^[a-z0-9_]+$' }, carrier_id: { type: 'string', pattern: '^se-[0-9]{1,15}$' } },
} as const;

// Walleted carriers (bought through ShipStation) are the same simulated carriers, funded.
const baseCode = (name: string) => name.replace(/_walleted$/, '');

async function connectionNamed(db: Parameters<typeof carriers.getCarrier>[0], accountId: number, params: IdParams) {
  const carrier = await carriers.getCarrier(db, accountId, parseSeId(params.carrier_id)!);
  if (carrier.carrierCode !== baseCode(params.carrier_name)) {
    throw new DomainError('not_found', `carrier ${params.carrier_id} is not a ${params.carrier_name} connection`, 'invalid_identifier');
  }
  return carrier;
}

/** The settings a carrier shows: what its settings endpoint in the spec describes. */
const UPS_PICKUP = ['daily_pickup', 'occasional_pickup', 'customer_counter'];
const FEDEX_PICKUP = ['none', 'regular_pickup', 'request_courier', 'drop_box', 'business_service_center', 'station'];
const pickup = (value: unknown, allowed: string[]) => (typeof value === 'string' && allowed.includes(value) ? value : allowed[0] === 'none' ? 'regular_pickup' : allowed[0]);

/**
 * The spec's get_carrier_settings_response_body is oneOf DHL Express, FedEx and UPS settings (each
 * closed), so every body carries a field only its own carrier has; other carriers have no settings.
 */
function settingsBody(carrier: carriers.CarrierConnection) {
  const s = carrier.settings;
  const common = { nickname: carrier.nickname, is_primary_account: carrier.primary };
  switch (carrier.carrierCode) {
    case 'ups':
      return {
        ...common,
        pickup_type: pickup(s.pickup_type, UPS_PICKUP),
        use_ground_freight_pricing: s.use_ground_freight_pricing === true,
        use_negotiated_rates: s.use_negotiated_rates === true,
        // enable_ground_saver_service is accepted and applied (the carrier's services show it) but
        // ups_account_settings has no such property, so it is not echoed here.
      };
    case 'fedex':
      return { ...common, pickup_type: pickup(s.pickup_type, FEDEX_PICKUP), smart_post_hub: 'none' };
    case 'dhl_express':
      return { ...common, should_hide_account_number_on_archive_doc: s.should_hide_account_number_on_archive_doc === true };
    default:
      throw new DomainError('validation', `${carrier.carrierCode} connections have no settings`, 'settings_not_supported');
  }
}

export const connectionRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Params: NameParams; Body: Record<string, unknown> }>(
    '/connections/carriers/:carrier_name',
    { schema: { tags: ['carriers'], params: nameParams, body: { type: 'object', properties: { nickname: { type: 'string', minLength: 1, maxLength: 100 }, account_number: { type: 'string', maxLength: 50 } } } } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const body = request.body ?? {};
      const carrier = await db.transaction().execute((tx) =>
        carriers.connectCarrier(
          tx,
          accountId,
          {
            carrierCode: baseCode(request.params.carrier_name),
            nickname: typeof body.nickname === 'string' ? body.nickname : undefined,
            accountNumber: typeof body.account_number === 'string' ? body.account_number : undefined,
          },
          app.ctx.clock.nowIso(),
        ),
      );
      return { carrier_id: seId(carrier.id) };
    },
  );

  app.delete<{ Params: IdParams }>('/connections/carriers/:carrier_name/:carrier_id', { schema: { tags: ['carriers'], params: idParams } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute(async (tx) => {
      const carrier = await connectionNamed(tx, accountId, request.params);
      await carriers.disconnectCarrier(tx, accountId, carrier.id, app.ctx.clock.nowIso());
    });
    return reply.code(204).send();
  });

  app.get<{ Params: IdParams }>('/connections/carriers/:carrier_name/:carrier_id/settings', { schema: { tags: ['carriers'], params: idParams } }, async (request) =>
    settingsBody(await connectionNamed(db, actingAccount(request).id, request.params)),
  );

  app.put<{ Params: IdParams; Body: carriers.CarrierSettings }>(
    '/connections/carriers/:carrier_name/:carrier_id/settings',
    {
      schema: {
        tags: ['carriers'],
        params: idParams,
        body: {
          type: 'object',
          properties: {
            nickname: { type: 'string', minLength: 1, maxLength: 100 },
            is_primary_account: { type: 'boolean' },
            enable_ground_saver_service: { type: 'boolean' },
            use_ground_freight_pricing: { type: 'boolean' },
            use_negotiated_rates: { type: 'boolean' },
            pickup_type: { type: 'string' },
            should_hide_account_number_on_archive_doc: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      await db.transaction().execute(async (tx) => {
        const carrier = await connectionNamed(tx, accountId, request.params);
        if (request.body.enable_ground_saver_service !== undefined && carrier.carrierCode !== 'ups') {
          throw new DomainError('validation', 'enable_ground_saver_service is a UPS setting', 'settings_not_supported', [
            { field: 'enable_ground_saver_service', message: 'only UPS offers Ground Saver', code: 'settings_not_supported', value: true },
          ]);
        }
        await carriers.updateCarrierSettings(tx, accountId, carrier.id, request.body);
      });
      return reply.code(204).send();
    },
  );
};
