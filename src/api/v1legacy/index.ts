import type { FastifyPluginAsync } from 'fastify';
import { v1Authentication } from '../common/auth.ts';
import { sendV1Message, v1ErrorHandler } from '../common/v1-errors.ts';
import { v1AccountRoutes } from './accounts/routes.ts';
import { v1CustomerRoutes } from './customers/routes.ts';
import { v1FulfillmentRoutes } from './fulfillments/routes.ts';
import { v1GetRatesRoutes } from './carriers/getrates.ts';
import { v1CarrierRoutes } from './carriers/routes.ts';
import { v1FundsRoutes } from './funds/routes.ts';
import { v1OrderRoutes } from './orders/routes.ts';
import { v1ProductRoutes } from './products/routes.ts';
import { v1StoreRoutes } from './stores/routes.ts';
import { v1UserRoutes } from './users/routes.ts';
import { v1WarehouseRoutes } from './warehouses/routes.ts';
import { v1LabelRoutes } from './labels/routes.ts';
import { v1WebhookRoutes } from './webhooks/routes.ts';

/** Orders and what derives from them: customers, products, fulfillments, webhooks. */
const v1SalesRoutes = [v1OrderRoutes, v1CustomerRoutes, v1ProductRoutes, v1FulfillmentRoutes, v1WebhookRoutes];

/** ShipStation V1 (legacy) at the root: Basic auth, camelCase, ASP.NET-style errors. */
export const v1LegacyPlugin: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', v1Authentication(app.ctx));
  app.setErrorHandler(v1ErrorHandler);
  for (const routes of [v1UserRoutes, v1AccountRoutes, v1StoreRoutes, v1WarehouseRoutes, v1FundsRoutes, v1CarrierRoutes, v1GetRatesRoutes, v1LabelRoutes, ...v1SalesRoutes]) await app.register(routes);
};

export function v1NotFound(request: { method: string; url: string }, reply: Parameters<typeof sendV1Message>[0]) {
  return sendV1Message(reply, 404, `No HTTP resource was found that matches the request URI '${request.url}'.`);
}
