/**
 * What features need from outside the database: photo intake, the ward map, the working calendar. Built once
 * by the app (real downloads, the real boundaries) and by tests the same way.
 */
import type { Db } from '../../db/database.js';
import { loadWorkingCalendar } from '../../db/repositories/holidays.js';
import type { Inbound } from '../domain/message-model.js';
import type { WardIdentity } from '../domain/geo.js';
import type { WorkingCalendar } from '../domain/working-calendar.js';
import { loadWardLocator } from '../org/ward-boundaries.js';

export type PhotoIntakeResult =
  | { ok: true; sha256: string; gps: { lat: number; lng: number } | null }
  | { ok: false; reason: 'not_an_image' | 'too_large' | 'empty' | 'host_not_allowed' | 'download_failed' };

export interface Services {
  /** Download (or take from the web upload), check and store a photo the person sent. */
  intakePhoto(inbound: Inbound): Promise<PhotoIntakeResult>;
  /** Which of Hải Phòng's 114 units a point is in, by the official boundaries. */
  locateWard(lat: number, lng: number): Promise<WardIdentity | null>;
  /** Working days and holidays, from the editable `holidays` table. */
  calendar(): Promise<WorkingCalendar>;
}

/** Options for {@link createServices}. */
export interface ServiceOptions {
  intakePhoto?: Services['intakePhoto'];
  /** How long the calendar is cached. Default 60,000 ms: an admin's edit shows within a minute. */
  calendarTtlMs?: number;
}

export function createServices(db: Db, options: ServiceOptions = {}): Services {
  let calendarCache: { at: number; calendar: Promise<WorkingCalendar> } | undefined;
  const ttl = options.calendarTtlMs ?? 60_000;
  return {
    intakePhoto: options.intakePhoto ?? (async () => ({ ok: false, reason: 'download_failed' })),
    async locateWard(lat, lng) {
      return (await loadWardLocator()).locate(lat, lng);
    },
    calendar() {
      if (!calendarCache || Date.now() - calendarCache.at > ttl) {
        calendarCache = { at: Date.now(), calendar: loadWorkingCalendar(db) };
      }
      return calendarCache.calendar;
    },
  };
}
