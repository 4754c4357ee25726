// The route modules every V2-dialect surface mounts (/v2 and ShipEngine /v1).
import type { SurfacePlugin } from './shared/plugin.ts';
import { tagRoutes } from './tags/routes.ts';
import { userRoutes } from './users/routes.ts';
import { warehouseRoutes } from './warehouses/routes.ts';
import { carrierRoutes } from './carriers/routes.ts';
import { connectionRoutes } from './carriers/connections.ts';
import { rateRoutes } from './rates/routes.ts';

export const sharedRoutes: SurfacePlugin[] = [warehouseRoutes, tagRoutes, userRoutes, carrierRoutes, connectionRoutes, rateRoutes];
