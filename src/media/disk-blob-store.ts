/** The default blob store: files under one directory, written atomically (temporary file, fsync, rename). */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobStore } from './blob-store.js';

export function createDiskBlobStore(root: string): BlobStore {
  return {
    description: `disk ${root}`,
    async write(key, buffer) {
      await writeOnce(join(root, key), buffer);
    },
    async read(key) {
      try {
        return await readFile(join(root, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    locate: (key) => join(root, key),
  };
}

/** Write `file` unless it is already there whole; concurrent writers of the same bytes each rename a full copy. */
async function writeOnce(file: string, buffer: Buffer): Promise<void> {
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isFile() && existing.size === buffer.length) return;
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
