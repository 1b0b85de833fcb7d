/** Holidays as data: seeded from the built-in table, editable by an admin, read into a working calendar. */
import type { Db } from '../database.js';
import { VIETNAM_HOLIDAYS } from '../../src/domain/vietnam-holidays.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../src/domain/working-calendar.js';

/** Insert the built-in holidays that are not there yet; an admin's edits are kept. */
export async function seedHolidays(db: Db): Promise<void> {
  await db
    .insertInto('holidays')
    .values(VIETNAM_HOLIDAYS.map((h) => ({ date: h.date, name: h.name, substitute: h.substitute ?? false })))
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
}

export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('holidays').select(['date', 'name', 'substitute']).execute();
  return createWorkingCalendar(rows.map((r) => ({ date: r.date, name: r.name, substitute: r.substitute })));
}
