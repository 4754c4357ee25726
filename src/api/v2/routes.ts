// The route modules every V2-dialect surface mounts (/v2 and ShipEngine /v1).
import type { SurfacePlugin } from './shared/plugin.ts';
import { tagRoutes } from './tags/routes.ts';
import { userRoutes } from './users/routes.ts';
import { warehouseRoutes } from './warehouses/routes.ts';
import { carrierRoutes } from './carriers/routes.ts';
import { connectionRoutes } from './carriers/connections.ts';
import { fundsRoutes } from './carriers/funds.ts';
import { rateRoutes } from './rates/routes.ts';
import { shipmentRoutes } from './shipments/routes.ts';
import { addressRoutes } from './addresses/routes.ts';
import { packageRoutes } from './packages/routes.ts';
import { labelRoutes } from './labels/routes.ts';
import { downloadRoutes } from './labels/downloads.ts';
import { trackingRoutes } from './labels/tracking.ts';
import { webhookRoutes } from './webhooks/routes.ts';

export const sharedRoutes: SurfacePlugin[] = [
  warehouseRoutes,
  tagRoutes,
  userRoutes,
  carrierRoutes,
  connectionRoutes,
  fundsRoutes,
  rateRoutes,
  shipmentRoutes,
  addressRoutes,
  packageRoutes,
  labelRoutes,
  downloadRoutes,
  trackingRoutes,
  webhookRoutes,
];
