/**
 * Every migration, in order. A static list rather than a folder scan, so the same code runs under tsx, vitest
 * and a bundle. Names start with a sortable date.
 */
import type { Migration } from 'kysely/migration';
import * as backbone from './2026-11-22-01-backbone.js';
import * as media from './2026-11-22-02-media.js';
import * as cases from './2026-11-22-03-cases.js';
import * as plans from './2026-11-22-04-plans.js';
import * as adPhones from './2026-11-22-05-ad-phones.js';
import * as adPhoneIndexes from './2026-11-22-06-ad-phone-indexes.js';
import * as outboxClock from './2026-12-03-01-outbox-clock.js';

export const migrations: Record<string, Migration> = {
  '2026-11-22-01-backbone': backbone,
  '2026-11-22-02-media': media,
  '2026-11-22-03-cases': cases,
  '2026-11-22-04-plans': plans,
  '2026-11-22-05-ad-phones': adPhones,
  '2026-11-22-06-ad-phone-indexes': adPhoneIndexes,
  '2026-12-03-01-outbox-clock': outboxClock,
};
