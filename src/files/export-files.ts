/**
 * Files the bot hands to staff (the operators' list as .xlsx): kept content-addressed in DATA_DIR/exports and
 * served only through signed links, like photos.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ExportFiles {
  put(content: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | null>;
}

export function createExportFiles(dataDir: string): ExportFiles {
  const dir = join(dataDir, 'exports');
  const path = (sha256: string) => join(dir, `${sha256}.bin`);
  return {
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      await mkdir(dir, { recursive: true });
      const tmp = `${path(sha256)}.${process.pid}.tmp`;
      await writeFile(tmp, content);
      await rename(tmp, path(sha256));
      return sha256;
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      return readFile(path(sha256)).catch(() => null);
    },
  };
}
