import { z } from 'zod';

/** Problem types a reporter can pick. Each service offers the subset that fits its kind. */
export const problemKeys = [
  'app',
  'login',
  'messages',
  'server-connection',
  'website',
  'feed',
  'notifications',
  'uploads',
  'video-playback',
  'live-stream',
  'voice-calls',
  'email',
  'search',
  'sign-in-2fa',
  'mobile-internet',
  'no-signal',
  'calls',
  'sms',
  'home-internet',
  'payments',
  'transfers',
  'card-payments',
  'balance',
  'otp',
  'game-servers',
  'matchmaking',
  'purchases',
  'deliveries',
  'orders',
  'api',
  'dns',
  'hosting',
  'storage',
  'console',
] as const;
export const ProblemKey = z.enum(problemKeys);
export type ProblemKey = z.infer<typeof ProblemKey>;

export const categories = [
  'social',
  'messaging',
  'search-and-email',
  'video-and-music',
  'cloud-and-hosting',
  'mobile-operator',
  'internet-provider',
  'payments',
  'banking',
  'gaming',
  'shopping-and-delivery',
  'productivity',
  'ai',
] as const;
export const Category = z.enum(categories);
export type Category = z.infer<typeof Category>;

/** Languages the interface and service names are offered in. */
export const locales = ['en', 'bn', 'hi', 'ar'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as IN');

/** One entry of the service catalogue, as seeded and as served. */
export const CatalogueEntry = z.object({
  slug: Slug,
  name: z.string().min(1).max(80),
  /** Names in the other supported languages (native script), used by search and display. */
  localNames: z.object({ bn: z.string().min(1), hi: z.string().min(1), ar: z.string().min(1) }),
  /** Other names people type: former names, abbreviations, common misspellings. */
  aliases: z.array(z.string().min(1)).default([]),
  category: Category,
  /** Company that runs it, so that e.g. Meta's services can be grouped. */
  owner: z.string().min(1).max(80),
  /** Countries where it operates; empty means worldwide. */
  countries: z.array(CountryCode).default([]),
  problems: z.array(ProblemKey).min(2),
  website: z.url().optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;
