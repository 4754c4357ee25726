// V2-dialect routes that ShipEngine has and ShipStation V2 does not: text recognition and bulk shipment tags.
import { addressRecognizeRoutes } from '../v2/addresses/routes.ts';
import type { SurfacePlugin } from '../v2/shared/plugin.ts';
import { shipmentRecognizeRoutes } from '../v2/shipments/recognize.ts';
import { shipmentTagsBulkRoutes } from '../v2/shipments/tags.ts';

export const shipEngineOnlyRoutes: SurfacePlugin[] = [addressRecognizeRoutes, shipmentRecognizeRoutes, shipmentTagsBulkRoutes];
