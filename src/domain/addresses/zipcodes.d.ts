// The `zipcodes` package ships no typings; this covers the part Shipdock uses.
declare module 'zipcodes' {
  interface ZipCodeRecord {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    /** Two-letter code for US rows (incl. territories and AA/AE/AP); a province name for Canada. */
    state: string;
    country: 'US' | 'Canada';
  }

  const zipcodes: {
    lookup(zip: string): ZipCodeRecord | undefined;
    lookupByName(city: string, state: string): ZipCodeRecord[];
    /** Every record, keyed by ZIP (or Canadian FSA). */
    codes: Record<string, ZipCodeRecord>;
  };
  export = zipcodes;
}
