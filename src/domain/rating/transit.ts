// Delivery estimates: business days from the transit model, counted from the pickup date.
// No pickups on Sundays or federal holidays (the ship date moves forward); deliveries happen Monday-Friday,
// plus Saturday for services that deliver Saturdays or when Saturday delivery is bought.
import { addDays, dayOfWeek, formatIsoDate, isFederalHoliday, parseIsoDate, weekdayName } from '../time/calendar.ts';
import { readReferenceJson } from './reference-data.ts';

interface TransitModelFile {
  transit_days_model: Record<string, Record<string, number>> & { fixed: Record<string, number> };
}

const model = readReferenceJson<TransitModelFile>('rates/zones_and_transit.json').transit_days_model;

/** Business days for a service from zones_and_transit.json: fixed, or by zone. Null when the model has no entry. */
export function modelTransitDays(serviceCode: string, zone: number | null): number | null {
  const fixed = model.fixed[serviceCode];
  if (fixed !== undefined) return fixed;
  const byZone = model[serviceCode];
  if (serviceCode === 'fixed' || !byZone || zone === null) return null;
  return byZone[String(zone)] ?? null;
}

/** "2-5" -> 5, "3" -> 3: the slow end of a published range, for services outside the model. */
export function slowestTransitDays(range: string | null): number | null {
  const numbers = (range ?? '').match(/\d+/g);
  return numbers ? Math.max(...numbers.map(Number)) : null;
}

/** Delivery commitment, 24-hour "HH:MM"; some services promise later to residences. */
export interface CommitTime {
  business: string;
  residential?: string;
}

export interface TransitPlan {
  businessDays: number;
  /** Saturday is a normal delivery day for the service (USPS, FedEx Home Delivery). */
  deliversSaturday: boolean;
  /** Saturday delivery can be bought for the service. */
  saturdayOption: boolean;
  commitTime: CommitTime | null;
}

export interface DeliveryEstimate {
  /** The pickup date actually used. */
  shipDate: string;
  estimatedDeliveryDate: string;
  /** Business days from pickup to delivery by the carrier's calendar: the carriers' transit model, the same count
   *  `carrier_delivery_days` states, and exactly the delivery days between ship date and estimated date. */
  deliveryDays: number;
  /** What the carrier states: "Tuesday 10/15 by 08:00 AM" for time-definite services, else the business days. */
  carrierDeliveryDays: string;
  /** Lands on a Saturday only thanks to the bought Saturday option, so the Saturday fee applies. */
  paidSaturdayDelivery: boolean;
}

function isPickupDay(date: Date): boolean {
  return dayOfWeek(date) !== 0 && !isFederalHoliday(date);
}

function formatCommitTime(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const suffix = hours >= 12 ? 'PM' : 'AM';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${String(hour12).padStart(2, '0')}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

function formatMonthDay(date: Date): string {
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Null when the ship date is not a valid YYYY-MM-DD date. */
export function estimateDelivery(
  requestedShipDate: string,
  plan: TransitPlan,
  options: { saturdayDelivery: boolean; residential: boolean },
): DeliveryEstimate | null {
  const requested = parseIsoDate(requestedShipDate);
  if (!requested) return null;
  let pickup = requested;
  while (!isPickupDay(pickup)) pickup = addDays(pickup, 1);

  const saturdayBought = options.saturdayDelivery && plan.saturdayOption && !plan.deliversSaturday;
  const isDeliveryDay = (date: Date) => {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || isFederalHoliday(date)) return false;
    return weekday !== 6 || plan.deliversSaturday || saturdayBought;
  };

  let delivery = pickup;
  let businessDays = 0;
  for (let remaining = plan.businessDays; remaining > 0; ) {
    delivery = addDays(delivery, 1);
    if (isDeliveryDay(delivery)) {
      remaining -= 1;
      businessDays += 1;
    }
  }

  const commit = plan.commitTime && (options.residential ? (plan.commitTime.residential ?? plan.commitTime.business) : plan.commitTime.business);
  return {
    shipDate: formatIsoDate(pickup),
    estimatedDeliveryDate: formatIsoDate(delivery),
    deliveryDays: businessDays,
    carrierDeliveryDays: commit ? `${weekdayName(delivery)} ${formatMonthDay(delivery)} by ${formatCommitTime(commit)}` : String(plan.businessDays),
    paidSaturdayDelivery: saturdayBought && dayOfWeek(delivery) === 6,
  };
}
