/**
 * Kysely table types. One interface per table, named after the concept; columns in snake_case as stored.
 */
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { Channel, Inbound, Outbound } from '../src/domain/message-model.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Phường / xã / đặc khu served by this installation. */
export interface WardTable {
  code: string;
  name: string;
  full_name: string;
  /** Per-ward settings (case deadline in working days, after-photo required, dispatcher…). */
  settings: JSONColumnType<Record<string, unknown>>;
}

/** Tổ dân phố: keyed by (ward, name) because names repeat across wards. */
export interface ResidentialGroupTable {
  id: Generated<number>;
  ward_code: string;
  name: string;
  /** Folded name for diacritics-insensitive lookup ("to dan pho so 5"). */
  name_key: string;
  /** GeoJSON Polygon / MultiPolygon coordinates, [lon, lat]. */
  polygon: JSONColumnType<number[][][] | number[][][][] | null> | null;
  centre_lat: number | null;
  centre_lng: number | null;
  radius_m: number | null;
  /** Folded street names ("le chan", "to hieu") for routing typed addresses. */
  streets: string[];
}

/** Phòng / đơn vị: plan task owners and staff units. */
export interface UnitTable {
  code: string;
  name: string;
  ward_code: string | null;
  aliases: string[];
}

/** Everyone the bot knows: residents (created at first contact) and staff (imported or invited). */
export interface PersonTable {
  id: Generated<number>;
  full_name: string | null;
  role: string;
  unit_code: string | null;
  ward_code: string | null;
  group_id: number | null;
  /** Staff phone from the org file (never a resident's: those are not stored unless they share one). */
  phone: string | null;
  consent_at: Timestamp | null;
  deleted_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A person's account on one channel; `last_inbound_at` decides Zalo's 7-day window. */
export interface ChannelIdentityTable {
  channel: Channel;
  external_id: string;
  person_id: number;
  display_name: string | null;
  last_inbound_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Single-use, expiring codes that link a chat account to a staff role. */
export interface InviteTable {
  code: string;
  role: string;
  unit_code: string | null;
  ward_code: string | null;
  group_id: number | null;
  person_id: number | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: number | null;
  created_at: CreatedAt;
}

/** One conversation state machine per (channel, person's id there). */
export interface ConversationTable {
  channel: Channel;
  external_id: string;
  state: string;
  data: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** Everything a person sent, stored before the webhook answers 200 (promise 1). */
export interface InboundEventTable {
  id: Generated<string>;
  channel: Channel;
  platform_message_id: string;
  external_user_id: string;
  sent_at: Timestamp;
  received_at: CreatedAt;
  message: JSONColumnType<Inbound>;
  status: ColumnType<'pending' | 'done' | 'failed', 'pending' | undefined, 'pending' | 'done' | 'failed'>;
  /** Failed processing attempts; after three the message is set aside and the person gets an apology. */
  attempts: Generated<number>;
  processed_at: Timestamp | null;
  error: string | null;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'deferred' | 'undeliverable' | 'failed';

/** Every outgoing message and its fate (promise 3). */
export interface OutboxTable {
  id: Generated<string>;
  dedup_key: string;
  channel: Channel;
  external_user_id: string;
  person_id: number | null;
  message: JSONColumnType<Outbound>;
  /** Not an answer to something the person just said: waits out 22:00–06:00. */
  proactive: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  /** When it may go: always the injected clock's time, never the database's `now()` (one clock, issue 8). */
  not_before: ColumnType<Date, Date, Date>;
  attempts: Generated<number>;
  platform_message_id: string | null;
  fate_reason: string | null;
  fallback_of: string | null;
  created_at: CreatedAt;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
}

/** Per-chat send lease and pacing, so one chat's messages go out one at a time, in order. */
export interface ChatPacingTable {
  channel: Channel;
  external_user_id: string;
  lease_until: Timestamp | null;
  lease_owner: string | null;
  last_sent_at: Timestamp | null;
  tokens: ColumnType<number, number | undefined, number>;
}

/** The Zalo OA token pair: refresh tokens are single-use, so the newest pair must always be here. */
export interface ZaloTokenTable {
  id: number;
  access_token: string | null;
  refresh_token: string;
  expires_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Secrets generated at first start (media link signing), kept out of the repo and the logs. */
export interface AppSecretTable {
  name: string;
  value: string;
}

/** A stored photo, content-addressed: its file is `DATA_DIR/media/ab/cd/<sha256>`; one row per distinct file. */
export interface MediaTable {
  /** SHA-256 of the bytes, lowercase hex: the id used in refs and signed links. */
  sha256: string;
  /** Sniffed from the bytes (never the sender's word): image/jpeg, image/png, image/webp, image/heic, image/heif. */
  mime: string;
  bytes: number;
  /** Pixel size when the header tells it cheaply (JPEG, PNG, WebP); `null` otherwise. */
  width: number | null;
  height: number | null;
  created_at: CreatedAt;
}

/** Public holidays and substitute days: data an admin edits when the Prime Minister fixes the year's dates. */
export interface HolidayTable {
  date: ColumnType<string, string, string>;
  name: string;
  substitute: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Per-month counters behind the readable case codes (QC-2611-0042). */
export interface CaseSequenceTable {
  month: string;
  last: number;
}

/** Vụ việc: what staff work on, opened from a resident's report. */
export interface CaseTable {
  id: Generated<number>;
  code: string;
  ward_code: string;
  group_id: number | null;
  status: string;
  /** Null once the reporter asked for their data to be deleted: the case stays, anonymous. */
  reporter_person_id: number | null;
  lat: number | null;
  lng: number | null;
  address_text: string | null;
  description: string | null;
  has_photo: boolean;
  routed_by: string;
  received_at: Timestamp;
  due_on: ColumnType<string, string, string>;
  rating: number | null;
  reopen_count: Generated<number>;
  updated_at: Timestamp;
}

export interface CasePhotoTable {
  case_id: number;
  sha256: string;
  /** before (the report), after (the cleanup), reopen (the reporter's "not really cleaned"). */
  kind: 'before' | 'after' | 'reopen';
  added_by: number | null;
  created_at: CreatedAt;
}

/** Số điện thoại trên quảng cáo found in a case (E.164), the registry's raw material. */
export interface CasePhoneTable {
  case_id: number;
  e164: string;
  raw: string;
  /** Set when the number came with a later report attached to the case. */
  sighting_id: number | null;
  created_at: CreatedAt;
}

/** Another report of an already open case (same place or same phone number). */
export interface SightingTable {
  id: Generated<number>;
  case_id: number;
  reporter_person_id: number | null;
  lat: number | null;
  lng: number | null;
  description: string | null;
  photo_sha256: string | null;
  reason: string;
  phones: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

/** Every transition of a case: who, when, from, to, note. */
export interface CaseEventTable {
  id: Generated<string>;
  case_id: number;
  actor_person_id: number | null;
  actor_role: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  at: Timestamp;
}

/** Kế hoạch: one imported plan, keyed by number + title (or by the file's content hash when it has no number). */
export interface PlanTable {
  id: Generated<number>;
  plan_key: string;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issued_on: ColumnType<string | null, string | null | undefined, string | null>;
  source_file: string;
  /** SHA-256 of the plan's text: re-importing the same text changes nothing. */
  source_hash: string;
  /** Lãnh đạo who decides extensions; null: every person with role `leader`. */
  leader_person_id: number | null;
  /** Per-plan overrides of the default reminder policy (see `reminder-policy.ts`). */
  reminder_policy: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Nhiệm vụ: one task of a plan, with its lead unit (đơn vị chủ trì) and coordinating units (phối hợp). */
export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  ref: string;
  content: string;
  lead_unit_name: string | null;
  lead_unit_code: string | null;
  coordinating_unit_names: string[];
  /** The resolved codes only (unknown names stay in the names column). */
  coordinating_unit_codes: string[];
  timeframe: string | null;
  start_on: ColumnType<string | null, string | null | undefined, string | null>;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  recurrence: string;
  section: string;
  family: string | null;
  /** open | done (every occurrence done) | cancelled. */
  status: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** One period of a task (the only one for a one-off task): its own due date, completion and reminders. */
export interface TaskOccurrenceTable {
  id: Generated<number>;
  task_id: number;
  /** "once", "2026", "2026-Q3", "2026-H1", "2026-07", "continuous". */
  period_key: string;
  start_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Current due date (after approved extensions); null for continuous tasks and undated ones. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Due date as planned, before any extension. */
  original_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<'open' | 'done', 'open' | 'done' | undefined, 'open' | 'done'>;
  completed_on: ColumnType<string | null, string | null | undefined, string | null>;
  completed_at: Timestamp | null;
  completed_by: number | null;
  head_snoozed_until: ColumnType<string | null, string | null | undefined, string | null>;
  leader_snoozed_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** The next day a reminder is due (indexed): the daily job reads only these. Null: none pending. */
  next_remind_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Báo cáo tiến độ: who said what, when, with an optional percentage and photo. */
export interface TaskProgressTable {
  id: Generated<number>;
  task_id: number;
  occurrence_id: number | null;
  person_id: number | null;
  at: Timestamp;
  percent: number | null;
  text: string;
  attachment_sha256: string | null;
}

/** Xin gia hạn: a request for a new due date and the leader's decision; the rows are the history. */
export interface TaskExtensionTable {
  id: Generated<number>;
  occurrence_id: number;
  requested_by: number | null;
  requested_at: Timestamp;
  previous_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  requested_due_on: ColumnType<string, string, string>;
  reason: string;
  status: ColumnType<'pending' | 'approved' | 'refused', 'pending' | undefined, 'pending' | 'approved' | 'refused'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
}

/** A unit name as plans write it, mapped once by an admin to a unit code, and remembered for later imports. */
export interface UnitNameMappingTable {
  name_key: string;
  name: string;
  unit_code: string;
  created_at: CreatedAt;
}

/** Reminder log: one row per occurrence × kind × day, so a reminder fires once. */
export interface TaskReminderTable {
  id: Generated<string>;
  occurrence_id: number;
  kind: string;
  on_date: ColumnType<string, string, string>;
  person_ids: number[];
  created_at: CreatedAt;
}

/** Số điện thoại trên quảng cáo: one row per number seen on an illegal ad, with its enforcement status. */
export interface AdPhoneTable {
  e164: string;
  kind: string;
  /** The original carrier by prefix (numbers can be ported); staff may correct it. */
  carrier: string | null;
  carrier_corrected: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<string, string | undefined, string>;
  status_changed_at: Timestamp;
  created_at: CreatedAt;
}

/** Every enforcement step on a number: who, when, from, to, and the letter for a suspension request. */
export interface AdPhoneEventTable {
  id: Generated<string>;
  e164: string;
  actor_person_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  letter_no: string | null;
  letter_date: ColumnType<string | null, string | null | undefined, string | null>;
  operator: string | null;
  at: Timestamp;
}

/** A next step the rules propose, for a ward officer to accept or dismiss. */
export interface AdPhoneProposalTable {
  id: Generated<number>;
  e164: string;
  action: string;
  reason: string;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decision: string | null;
  decided_by: number | null;
}

export interface Database {
  wards: WardTable;
  residential_groups: ResidentialGroupTable;
  units: UnitTable;
  people: PersonTable;
  channel_identities: ChannelIdentityTable;
  invites: InviteTable;
  conversations: ConversationTable;
  inbound_events: InboundEventTable;
  outbox: OutboxTable;
  chat_pacing: ChatPacingTable;
  zalo_tokens: ZaloTokenTable;
  app_secrets: AppSecretTable;
  media: MediaTable;
  holidays: HolidayTable;
  case_sequences: CaseSequenceTable;
  cases: CaseTable;
  case_photos: CasePhotoTable;
  case_phones: CasePhoneTable;
  sightings: SightingTable;
  case_events: CaseEventTable;
  ad_phones: AdPhoneTable;
  ad_phone_events: AdPhoneEventTable;
  ad_phone_proposals: AdPhoneProposalTable;
  plans: PlanTable;
  tasks: TaskTable;
  task_occurrences: TaskOccurrenceTable;
  task_progress: TaskProgressTable;
  task_extensions: TaskExtensionTable;
  unit_name_mappings: UnitNameMappingTable;
  task_reminders: TaskReminderTable;
}

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutbox = Insertable<OutboxTable>;
export type Person = Selectable<PersonTable>;
export type InboundEventRow = Selectable<InboundEventTable>;
