/**
 * A person in the web chat, as the page does it: send, then read the bot's new messages once everything the
 * message caused has been sent.
 */
import type { Db } from '../../db/database.js';
import { eventually, postJson } from './test-app.js';

export interface WebMessage {
  id: number;
  text: string;
  photos?: string[];
  choices?: { value: string; label: string }[];
}

let counter = 0;
/** What each session has read so far, shared by every client of that session (like one open page). */
const readUpTo = new Map<string, number>();

export function webChatClient(baseUrl: string, db: Db, session: string) {
  async function settled() {
    await eventually(async () => {
      const pending = await db.selectFrom('inbound_events').select('id').where('external_user_id', '=', session).where('status', '=', 'pending').execute();
      const unsent = await db.selectFrom('outbox').select('id').where('external_user_id', '=', session).where('status', 'in', ['pending', 'sending', 'deferred']).execute();
      return pending.length === 0 && unsent.length === 0;
    }, 15_000);
  }
  async function read(): Promise<WebMessage[]> {
    const response = await fetch(`${baseUrl}/api/chat/messages?session=${session}&after=${readUpTo.get(session) ?? 0}`);
    const { messages } = (await response.json()) as { messages: WebMessage[] };
    if (messages.length) readUpTo.set(session, messages[messages.length - 1].id);
    return messages;
  }
  async function send(payload: object): Promise<WebMessage[]> {
    counter += 1;
    const response = await postJson(`${baseUrl}/api/chat/messages`, { session, clientMessageId: `t${counter}`, ...payload });
    if (response.status !== 202) throw new Error(`web chat refused: ${JSON.stringify(response.body)}`);
    await settled();
    return read();
  }
  return {
    session,
    say: (text: string) => send({ text }),
    choose: (choice: string) => send({ choice }),
    shareLocation: (latitude: number, longitude: number) => send({ location: { latitude, longitude } }),
    async sendPhoto(bytes: Buffer, caption?: string) {
      const upload = await fetch(`${baseUrl}/api/chat/photos?session=${session}`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(bytes) });
      const { mediaId } = (await upload.json()) as { mediaId: string };
      return send({ photo: mediaId, caption });
    },
    /** Messages that arrived without this person writing (notifications). */
    async inbox(): Promise<WebMessage[]> {
      await settled();
      return read();
    },
  };
}

export const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join('\n---\n');
