// How a service moves: by air or by truck, and when its couriers deliver.
import type { CarrierFamily } from './carrier-family.ts';

const GROUND_SERVICE = /ground|home_delivery|media_mail|parcel_select|first_class_mail$|standard_international/;

export function travelsByAir(family: CarrierFamily, serviceCode: string): boolean {
  return family === 'dhl_express' || !GROUND_SERVICE.test(serviceCode);
}

/** Local minute-of-day ranges for going out for delivery and for delivering. */
export interface DeliveryWindow {
  outForDelivery: [number, number];
  delivered: [number, number];
}

const EARLY: DeliveryWindow = { outForDelivery: [345, 405], delivered: [480, 570] }; // by 9:30
const MORNING: DeliveryWindow = { outForDelivery: [420, 480], delivered: [540, 690] }; // by 10:30-noon
const END_OF_DAY: DeliveryWindow = { outForDelivery: [420, 540], delivered: [600, 1170] }; // by 19:30

export function deliveryWindow(serviceCode: string): DeliveryWindow {
  if (/first_overnight|early_am|9_00/.test(serviceCode)) return EARLY;
  if (/priority_overnight|next_day_air$|_am$|10_30|12_00|priority_mail_express$/.test(serviceCode)) return MORNING;
  return END_OF_DAY;
}
