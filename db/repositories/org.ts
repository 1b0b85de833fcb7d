/** Writes an imported organisation: upserts by natural keys, so importing the same file twice changes nothing. */
import type { Db } from '../database.js';
import type { OrgFile } from '../../src/org/org-file.js';
import { foldText } from '../../src/domain/text-folding.js';

export interface OrgImportSummary {
  wards: number;
  residentialGroups: number;
  units: number;
  people: number;
}

export async function importOrganisation(db: Db, org: OrgFile): Promise<OrgImportSummary> {
  return db.transaction().execute(async (trx) => {
    let groups = 0;
    for (const ward of org.wards) {
      await trx
        .insertInto('wards')
        .values({ code: ward.code, name: ward.name, full_name: ward.fullName ?? `Phường ${ward.name}`, settings: JSON.stringify(ward.settings) })
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), full_name: eb.ref('excluded.full_name'), settings: eb.ref('excluded.settings') })))
        .execute();
      for (const group of ward.residentialGroups) {
        groups += 1;
        await trx
          .insertInto('residential_groups')
          .values({
            ward_code: ward.code,
            name: group.name,
            name_key: foldText(group.name),
            polygon: group.polygon ? JSON.stringify([group.polygon]) : null,
            centre_lat: group.centre?.lat ?? null,
            centre_lng: group.centre?.lng ?? null,
            radius_m: group.centre ? (group.radiusMeters ?? 150) : null,
            streets: group.streets.map(foldText),
          })
          .onConflict((oc) =>
            oc.columns(['ward_code', 'name_key']).doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              polygon: eb.ref('excluded.polygon'),
              centre_lat: eb.ref('excluded.centre_lat'),
              centre_lng: eb.ref('excluded.centre_lng'),
              radius_m: eb.ref('excluded.radius_m'),
              streets: eb.ref('excluded.streets'),
            })),
          )
          .execute();
      }
    }
    for (const unit of org.units) {
      await trx
        .insertInto('units')
        .values({ code: unit.code, name: unit.name, ward_code: unit.ward ?? null, aliases: unit.aliases })
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), ward_code: eb.ref('excluded.ward_code'), aliases: eb.ref('excluded.aliases') })))
        .execute();
    }
    for (const person of org.people) {
      const wardCode = person.ward ?? (org.wards.length === 1 ? org.wards[0].code : null);
      const group = person.group && wardCode
        ? await trx.selectFrom('residential_groups').select('id').where('ward_code', '=', wardCode).where('name_key', '=', foldText(person.group)).executeTakeFirst()
        : undefined;
      const existing = await trx
        .selectFrom('people')
        .select('id')
        .where('full_name', '=', person.name)
        .where('role', '=', person.role)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      const values = {
        full_name: person.name,
        role: person.role,
        ward_code: wardCode,
        unit_code: person.unit ?? null,
        group_id: group?.id ?? null,
        phone: person.phone ?? null,
      };
      if (existing) await trx.updateTable('people').set(values).where('id', '=', existing.id).execute();
      else await trx.insertInto('people').values(values).execute();
    }
    return { wards: org.wards.length, residentialGroups: groups, units: org.units.length, people: org.people.length };
  });
}
