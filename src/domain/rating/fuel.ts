// Fuel surcharge percentages. Real carriers move these weekly; the simulator uses one fixed value per
// network inside the 2025 ranges in surcharges.json. USPS never charges fuel.
export const FUEL_PERCENT = {
  /** UPS/FedEx ground (2025 range 17.5-20.5 %). */
  ground: 18.5,
  /** UPS/FedEx air and international express (2025 range 19-23 %). */
  air: 21,
  /** DHL Express monthly index (typically 20-30 % in 2025). */
  dhlExpress: 25,
} as const;
