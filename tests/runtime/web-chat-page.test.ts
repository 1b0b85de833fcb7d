/** The web chat page's script must parse: a stray newline inside a string would silence the whole page. */
import { describe, expect, it } from 'vitest';
import { webChatPage } from '../../src/http/web-chat-page.js';

describe('the web chat page', () => {
  it('carries a script that parses, in Vietnamese, and needs no secure context', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(webChatPage)?.[1] ?? '';
    expect(() => new Function(script)).not.toThrow();
    expect(webChatPage).toContain('lang="vi"');
    expect(script).not.toContain('crypto.randomUUID');
  });
});
