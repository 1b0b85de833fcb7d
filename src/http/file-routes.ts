/** `GET /files/:sha256?exp&sig&name`: an exported file, for whoever holds a link the bot signed. */
import type { FastifyInstance } from 'fastify';
import type { ExportFiles } from '../files/export-files.js';
import { verifyMediaLink } from '../media/signed-links.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerFileRoutes(app: FastifyInstance, options: { files: ExportFiles; secret: string }) {
  app.get<{ Params: { sha256: string }; Querystring: { exp?: string; sig?: string; name?: string } }>('/files/:sha256', async (request, reply) => {
    const { sha256 } = request.params;
    const { exp, sig, name } = request.query;
    if (!verifyMediaLink(sha256, exp ?? '', sig ?? '', options.secret)) {
      return reply.code(403).send({ error: 'ERR_FILE_LINK', message: 'Liên kết không hợp lệ hoặc đã hết hạn.' });
    }
    const content = await options.files.get(sha256);
    if (!content) return reply.code(404).send({ error: 'ERR_FILE_MISSING', message: 'Không tìm thấy tệp.' });
    const filename = (name ?? 'danh-sach.xlsx').replace(/[^A-Za-z0-9._-]/g, '_');
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(content);
  });
}

/** The signed path of an exported file. */
export function signedFilePath(sha256: string, filename: string, mediaPath: string): string {
  // signMediaPath gives /media/<sha>?exp&sig: the same signature guards /files/<sha>.
  return `${mediaPath.replace(/^\/media\//, '/files/')}&name=${encodeURIComponent(filename)}`;
}
