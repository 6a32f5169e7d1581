/**
 * The time zone whose clock sets the daily rhythm of a country's reports (its most populous zone).
 * A series of a country, or of a service that operates in one country, learns its profile in local
 * time, so daylight-saving shifts move the profile with the people.
 */
const zones: Record<string, string> = {
  IN: 'Asia/Kolkata',
  BD: 'Asia/Dhaka',
  PK: 'Asia/Karachi',
  NP: 'Asia/Kathmandu',
  LK: 'Asia/Colombo',
  SA: 'Asia/Riyadh',
  AE: 'Asia/Dubai',
  EG: 'Africa/Cairo',
  KW: 'Asia/Kuwait',
  BH: 'Asia/Bahrain',
  QA: 'Asia/Qatar',
  OM: 'Asia/Muscat',
  JO: 'Asia/Amman',
  IQ: 'Asia/Baghdad',
  LB: 'Asia/Beirut',
  MA: 'Africa/Casablanca',
  DZ: 'Africa/Algiers',
  TN: 'Africa/Tunis',
  SD: 'Africa/Khartoum',
  YE: 'Asia/Aden',
  SY: 'Asia/Damascus',
  PS: 'Asia/Gaza',
  LY: 'Africa/Tripoli',
  US: 'America/New_York',
  GB: 'Europe/London',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  BR: 'America/Sao_Paulo',
  MY: 'Asia/Kuala_Lumpur',
  SG: 'Asia/Singapore',
  TW: 'Asia/Taipei',
  HK: 'Asia/Hong_Kong',
  PH: 'Asia/Manila',
  ID: 'Asia/Jakarta',
  TR: 'Europe/Istanbul',
  NG: 'Africa/Lagos',
  KE: 'Africa/Nairobi',
  ZA: 'Africa/Johannesburg',
  JP: 'Asia/Tokyo',
  AU: 'Australia/Sydney',
};

export function timeZoneOfCountry(country: string | null | undefined): string | null {
  return (country && zones[country]) || null;
}
