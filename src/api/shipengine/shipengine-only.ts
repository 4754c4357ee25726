// V2-dialect routes that ShipEngine has and ShipStation V2 does not: text recognition, bulk shipment tags, Shipsurance.
import { addressRecognizeRoutes } from '../v2/addresses/routes.ts';
import type { SurfacePlugin } from '../v2/shared/plugin.ts';
import { shipmentRecognizeRoutes } from '../v2/shipments/recognize.ts';
import { shipmentTagsBulkRoutes } from '../v2/shipments/tags.ts';
import { insuranceRoutes } from './insurance/routes.ts';

export const shipEngineOnlyRoutes: SurfacePlugin[] = [addressRecognizeRoutes, shipmentRecognizeRoutes, shipmentTagsBulkRoutes, insuranceRoutes];
