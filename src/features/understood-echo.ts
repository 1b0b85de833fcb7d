/**
 * The last resort: say what was understood, so the person is never met with silence. Features before this
 * one (reports, tasks) take every message they can handle.
 */
import { vi } from '../messages/vi.js';
import type { Feature } from './turn-context.js';

/** Longest text we take in one message; longer is refused politely (and not stored further). */
export const MAX_TEXT_LENGTH = 2000;

export const understoodEcho: Feature = async (ctx) => {
  const content = ctx.inbound.content;
  switch (content.kind) {
    case 'text': {
      const text = content.text.trim();
      if (!text) ctx.reply({ text: vi.empty });
      else if (/^\/[a-z_]+/i.test(text)) ctx.reply({ text: vi.unknownCommand(text.split(/\s/)[0].slice(0, 30)) });
      else if (text.length > MAX_TEXT_LENGTH) ctx.reply({ text: vi.tooLong(MAX_TEXT_LENGTH) });
      else ctx.reply({ text: vi.echo.text(text.length > 200 ? `${text.slice(0, 200)}…` : text) });
      return true;
    }
    case 'photo':
      ctx.reply({ text: vi.echo.photo });
      return true;
    case 'location':
      ctx.reply({ text: vi.echo.location(content.latitude, content.longitude) });
      return true;
    case 'contact':
      ctx.reply({ text: vi.echo.contact });
      return true;
    case 'choice':
      ctx.reply({ text: vi.echo.choice });
      return true;
    case 'unsupported':
      ctx.reply({ text: vi.unsupported(content.what) });
      return true;
    case 'follow':
      return false;
  }
};
