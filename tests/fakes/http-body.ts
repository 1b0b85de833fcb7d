/** Request-body plumbing shared by the fake platform servers. */
import type { IncomingMessage } from 'node:http';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The boundary of a multipart content type, if it is one. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!contentType.includes('multipart/form-data')) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** A lenient multipart parser: grammY writes `content-disposition:form-data;name="x"` without spaces. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    let start = position + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing `--boundary--`
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headerText = part.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition\s*:\s*([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
      const contentType = /content-type\s*:\s*([^\r\n]*)/i.exec(headerText)?.[1]?.trim();
      const name = /(?:^|;)\s*name="?([^";]*)"?/i.exec(disposition)?.[1];
      const filename = /filename="?([^";\r\n]*)"?/i.exec(disposition)?.[1];
      if (name !== undefined) {
        parts.push({
          name,
          ...(filename !== undefined ? { filename } : {}),
          ...(contentType ? { contentType } : {}),
          data: Buffer.from(part.subarray(headerEnd + 4)),
        });
      }
    }
    position = next;
  }
  return parts;
}
