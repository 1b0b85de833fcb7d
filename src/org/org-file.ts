/**
 * The organisation file an admin imports (`org import <file>`, YAML or JSON): wards, tổ dân phố (with optional
 * polygon, centre and streets for routing), units and staff with roles. Validated with zod; every problem is
 * reported with its line and field so the admin can fix the file.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

export const STAFF_ROLES = ['group_leader', 'deputy_group_leader', 'ward_officer', 'unit_head', 'leader', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const residentialGroup = z.object({
  /** Tổ dân phố name as people say it ("Tổ dân phố số 5"). */
  name: z.string().trim().min(1),
  /** Boundary ring(s) as [lon, lat] pairs, GeoJSON order. */
  polygon: z.array(lonLat).min(4).optional(),
  centre: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  /** Radius around the centre, in metres. Default 150. */
  radiusMeters: z.number().int().positive().max(5000).optional(),
  streets: z.array(z.string().trim().min(1)).default([]),
});

const ward = z.object({
  /** Official code (e.g. Phường Lê Chân = 11383). */
  code: z.string().regex(/^\d{5}$/, 'must be the 5-digit official code'),
  name: z.string().trim().min(1),
  fullName: z.string().trim().min(1).optional(),
  settings: z
    .object({
      caseDeadlineWorkingDays: z.number().int().min(1).max(30).optional(),
      afterPhotoRequired: z.boolean().optional(),
      duplicateRadiusMeters: z.number().int().min(1).max(500).optional(),
      dailyReportLimit: z.number().int().min(1).max(100).optional(),
    })
    .default({}),
  residentialGroups: z.array(residentialGroup).default([]),
});

const unit = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{2,40}$/, 'must be 2–40 characters of A-Z 0-9 _ -'),
  name: z.string().trim().min(1),
  ward: z.string().regex(/^\d{5}$/).optional(),
  aliases: z.array(z.string().trim().min(1)).default([]),
});

const person = z.object({
  name: z.string().trim().min(1),
  role: z.enum(STAFF_ROLES),
  ward: z.string().regex(/^\d{5}$/).optional(),
  unit: z.string().optional(),
  /** The tổ dân phố name, for group leaders. */
  group: z.string().optional(),
  phone: z.string().regex(/^(\+84|0)\d{9,10}$/, 'must be a Vietnamese phone number like 0912345678').optional(),
});

export const orgFileSchema = z
  .object({
    wards: z.array(ward).min(1),
    units: z.array(unit).default([]),
    people: z.array(person).default([]),
  })
  .superRefine((org, ctx) => {
    const wardCodes = new Set(org.wards.map((w) => w.code));
    const unitCodes = new Set(org.units.map((u) => u.code));
    org.units.forEach((u, i) => {
      if (u.ward && !wardCodes.has(u.ward)) ctx.addIssue({ code: 'custom', path: ['units', i, 'ward'], message: `ward ${u.ward} is not in this file` });
    });
    org.people.forEach((p, i) => {
      if (p.unit && !unitCodes.has(p.unit)) ctx.addIssue({ code: 'custom', path: ['people', i, 'unit'], message: `unit ${p.unit} is not in this file` });
      if ((p.role === 'group_leader' || p.role === 'deputy_group_leader') && !p.group) {
        ctx.addIssue({ code: 'custom', path: ['people', i, 'group'], message: 'a group leader needs the name of their tổ dân phố' });
      }
      if (p.group) {
        const w = org.wards.find((x) => x.code === p.ward) ?? (org.wards.length === 1 ? org.wards[0] : undefined);
        if (!w?.residentialGroups.some((g) => g.name === p.group)) {
          ctx.addIssue({ code: 'custom', path: ['people', i, 'group'], message: `tổ dân phố "${p.group}" is not listed under its ward` });
        }
      }
    });
  });

export type OrgFile = z.infer<typeof orgFileSchema>;

/** One problem in the file: where (line, field path) and what. */
export interface OrgFileProblem {
  line?: number;
  field: string;
  message: string;
}

export class OrgFileError extends Error {
  readonly code = 'ERR_ORG_FILE';
  constructor(readonly problems: OrgFileProblem[]) {
    super(problems.map((p) => `${p.line ? `line ${p.line}, ` : ''}${p.field}: ${p.message}`).join('\n'));
    this.name = 'OrgFileError';
  }
}

/** Parse and validate an org file's text (YAML is a superset of JSON, so both go through one parser). */
export function parseOrgFile(text: string): OrgFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    throw new OrgFileError(
      doc.errors.map((e) => ({ line: e.linePos?.[0]?.line, field: '(syntax)', message: e.message.split('\n')[0] })),
    );
  }
  const parsed = orgFileSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  throw new OrgFileError(
    parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      return { line: lineOf(doc, lineCounter, issue.path as (string | number)[]), field: path.join('.') || '(root)', message: issue.message };
    }),
  );
}

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
