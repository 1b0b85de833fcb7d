/**
 * The Zalo OA platform's own shapes: webhook events as Zalo POSTs them and the API's request and response
 * bodies. Ids are numeric strings up to 19 digits and the timestamp is a string of epoch milliseconds — kept as
 * strings, because 19 digits do not fit a JS number. Source: shared/reference/zalo-oa.md.
 */

/** `{ id }` of a sender, recipient or follower (a user id as seen by this OA, or the OA id). */
export interface ZaloParty {
  id: string;
}

/** Fields every webhook event carries. */
export interface ZaloEventBase {
  app_id: string;
  /** The user's id as seen by the app (differs from the OA-scoped `sender.id` we send to). */
  user_id_by_app?: string;
  /** Epoch milliseconds, as a string. */
  timestamp: string;
}

/** Events a user causes by messaging the OA: they carry `sender` (the user) and `recipient` (the OA). */
export interface ZaloUserEventBase extends ZaloEventBase {
  sender: ZaloParty;
  recipient: ZaloParty;
}

// ---- Attachments of user messages ----

export interface ZaloImageAttachment {
  type: 'image';
  payload: { url: string; thumbnail?: string };
}

export interface ZaloLocationAttachment {
  type: 'location';
  /** Coordinates are decimal strings, e.g. `"10.7923119"`. */
  payload: { coordinates: { latitude: string; longitude: string } };
}

export interface ZaloFileAttachment {
  type: 'file';
  payload: { url: string; size: string; name: string; checksum: string; type: string };
}

export interface ZaloStickerAttachment {
  type: 'sticker';
  payload: { id: string; url: string };
}

export interface ZaloLinkAttachment {
  type: 'link';
  payload: { thumbnail?: string; description?: string; url: string };
}

/** gif, audio and video: the reference only says "likewise" (a URL, maybe a thumbnail). */
export interface ZaloMediaAttachment {
  type: 'gif' | 'audio' | 'video';
  payload: { url: string; thumbnail?: string; [key: string]: unknown };
}

export type ZaloAttachment =
  | ZaloImageAttachment
  | ZaloLocationAttachment
  | ZaloFileAttachment
  | ZaloStickerAttachment
  | ZaloLinkAttachment
  | ZaloMediaAttachment;

// ---- Webhook events ----

export interface ZaloUserSendTextEvent extends ZaloUserEventBase {
  event_name: 'user_send_text';
  message: { msg_id: string; text: string };
}

export interface ZaloUserSendImageEvent extends ZaloUserEventBase {
  event_name: 'user_send_image';
  message: { msg_id: string; text?: string; attachments: ZaloImageAttachment[] };
}

export interface ZaloUserSendLocationEvent extends ZaloUserEventBase {
  event_name: 'user_send_location';
  /** `text` may hold the place name the user picked. */
  message: { msg_id: string; text?: string; attachments: ZaloLocationAttachment[] };
}

export interface ZaloUserSendFileEvent extends ZaloUserEventBase {
  event_name: 'user_send_file';
  message: { msg_id: string; text?: string; attachments: ZaloFileAttachment[] };
}

export interface ZaloUserSendStickerEvent extends ZaloUserEventBase {
  event_name: 'user_send_sticker';
  message: { msg_id: string; text?: string; attachments: ZaloStickerAttachment[] };
}

export interface ZaloUserSendLinkEvent extends ZaloUserEventBase {
  event_name: 'user_send_link';
  message: { msg_id: string; text?: string; attachments: ZaloLinkAttachment[] };
}

export interface ZaloUserSendMediaEvent extends ZaloUserEventBase {
  event_name: 'user_send_gif' | 'user_send_audio' | 'user_send_video';
  message: { msg_id: string; text?: string; attachments: ZaloMediaAttachment[] };
}

/** Follow / unfollow carry no sender or recipient: the user is `follower.id`. */
export interface ZaloFollowEvent extends ZaloEventBase {
  event_name: 'follow' | 'unfollow';
  follower: ZaloParty;
  oa_id: string;
  /** Where the follow came from, e.g. `oa_profile`, `testing_webhook` (values UNCONFIRMED). */
  source?: string;
}

/** A user's answer to a `request_user_info` message. */
export interface ZaloUserSubmitInfoEvent extends ZaloUserEventBase {
  event_name: 'user_submit_info';
  info: {
    name?: string;
    phone?: string;
    address?: string;
    ward?: string;
    district?: string;
    city?: string;
  };
}

export interface ZaloUserSeenMessageEvent extends ZaloUserEventBase {
  event_name: 'user_seen_message';
  message: { msg_ids: string[] };
}

/** Shape UNCONFIRMED beyond the event name. */
export interface ZaloUserReceivedMessageEvent extends ZaloUserEventBase {
  event_name: 'user_received_message';
  message?: { msg_ids?: string[]; [key: string]: unknown };
}

/** Echoes of the OA's own messages (`oa_send_text`, `oa_send_image`, …): sender is the OA. Ignored. */
export interface ZaloOaEchoEvent extends ZaloUserEventBase {
  event_name: `oa_send_${string}`;
  message?: { msg_id?: string; text?: string; attachments?: ZaloAttachment[] };
}

/** Every webhook event we know the shape of. Others (new event names) are ignored by the adapter. */
export type ZaloWebhookEvent =
  | ZaloUserSendTextEvent
  | ZaloUserSendImageEvent
  | ZaloUserSendLocationEvent
  | ZaloUserSendFileEvent
  | ZaloUserSendStickerEvent
  | ZaloUserSendLinkEvent
  | ZaloUserSendMediaEvent
  | ZaloFollowEvent
  | ZaloUserSubmitInfoEvent
  | ZaloUserSeenMessageEvent
  | ZaloUserReceivedMessageEvent
  | ZaloOaEchoEvent;

export type ZaloEventName = ZaloWebhookEvent['event_name'];

// ---- API: requests ----

/** The three v3 message endpoints; `cs` (customer service, "tư vấn") is the one we use. */
export type ZaloMessageEndpoint = 'cs' | 'transaction' | 'promotion';

/** A button of a template message. Buttons on `/message/cs` are UNCONFIRMED; we do not send them there. */
export interface ZaloButton {
  title: string;
  type: 'oa.open.url' | 'oa.query.show' | 'oa.query.hide' | 'oa.open.phone' | 'oa.open.sms';
  payload: string | { url: string } | { phone_code: string } | Record<string, string>;
}

/** One media element: a public `url` or an `attachment_id` from an upload. */
export type ZaloMediaElement =
  | { media_type: 'image'; url: string }
  | { media_type: 'image'; attachment_id: string };

export interface ZaloMediaTemplate {
  type: 'template';
  payload: { template_type: 'media'; elements: ZaloMediaElement[]; buttons?: ZaloButton[] };
}

export interface ZaloRequestUserInfoTemplate {
  type: 'template';
  payload: {
    template_type: 'request_user_info';
    elements: Array<{ title: string; subtitle: string; image_url: string }>;
  };
}

/** Body of `POST /v3.0/oa/message/{cs,transaction,promotion}`. */
export interface ZaloSendMessageBody {
  recipient: { user_id: string };
  message: {
    /** At most 2,000 characters. */
    text?: string;
    attachment?: ZaloMediaTemplate | ZaloRequestUserInfoTemplate;
  };
}

// ---- API: responses ----

/** Every OA API answer: `error` 0 means success — read it even on HTTP 200. */
export interface ZaloApiResponse<T> {
  error: number;
  message: string;
  data?: T;
}

export interface ZaloSendMessageData {
  message_id: string;
  user_id: string;
  sent_time?: string;
  /** Quota details; shape varies by package (UNCONFIRMED). */
  quota?: Record<string, unknown>;
}

export interface ZaloUploadImageData {
  attachment_id: string;
}

/** `data` of `GET /v3.0/oa/user/detail`. Only the fields we read are typed strictly. */
export interface ZaloUserDetailData {
  user_id: string;
  user_id_by_app?: string;
  display_name: string;
  avatar?: string;
  avatars?: Record<string, string>;
  user_is_follower: boolean;
  /** Format UNCONFIRMED (seen as a date string). */
  user_last_interaction_date?: string;
  shared_info?: { name?: string; phone?: string | number; address?: string; city?: string; district?: string };
  [key: string]: unknown;
}

/** Answer of `POST /v4/oa/access_token`: a token pair, or an OAuth error. */
export interface ZaloOAuthTokenResponse {
  access_token?: string;
  refresh_token?: string;
  /** Seconds, as a string, e.g. `"90000"`. */
  expires_in?: string;
  error?: number;
  error_name?: string;
  error_description?: string;
}
