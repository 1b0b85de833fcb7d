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
import type { ExportFiles } from '../files/export-files.js';
import { collectPhoneExport, phoneExportXlsx } from '../reports/phone-export.js';
import type { PhoneStatus } from '../domain/phones/phone-enforcement.js';

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
  /** Build the operators' list (numbers proposed for suspension seen in a ward) and keep it as a file. */
  exportPhones(wardCode: string | null, now: Date): Promise<{ fileRef: string; count: number }>;
}

/** Options for {@link createServices}. */
export interface ServiceOptions {
  intakePhoto?: Services['intakePhoto'];
  /** Where exported files go, and the secret and public URL for their evidence links. */
  exports?: { files: ExportFiles; mediaSecret: string; publicUrl?: string };
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
    async exportPhones(wardCode, now) {
      if (!options.exports) throw new Error('exports are not configured');
      const { files, mediaSecret, publicUrl } = options.exports;
      const status: PhoneStatus[] = ['suspension_proposed'];
      const data = await collectPhoneExport(db, { status, wardCode: wardCode ?? undefined, now, linkBase: publicUrl ?? '', mediaSecret });
      return { fileRef: `file:${await files.put(await phoneExportXlsx(data))}`, count: data.total };
    },
    calendar() {
      if (!calendarCache || Date.now() - calendarCache.at > ttl) {
        calendarCache = { at: Date.now(), calendar: loadWorkingCalendar(db) };
      }
      return calendarCache.calendar;
    },
  };
}
