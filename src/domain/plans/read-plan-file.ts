/**
 * Reads a plan file into text for {@link parsePlanText}: .txt and .md as UTF-8, .docx through mammoth
 * (maintained, pure JavaScript). The one place in the plan domain that touches the file system, kept apart so
 * the parser stays pure.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';

/** Why a plan file could not be read. */
export type PlanFileErrorCode = 'PLAN_FILE_UNSUPPORTED_TYPE' | 'PLAN_FILE_NOT_FOUND' | 'PLAN_FILE_UNREADABLE';

/** Extensions `plan import` accepts, for help texts and messages. */
export const PLAN_FILE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.docx'];

/**
 * Thrown when a plan file cannot be read, with the path and what to do about it in `code`
 * (the CLI turns each code into a Vietnamese message from the catalogue).
 */
export class PlanFileError extends Error {
  constructor(
    readonly code: PlanFileErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PlanFileError';
  }
}

/** The plan's text. Throws {@link PlanFileError} for other extensions, missing or unreadable files. */
export async function readPlanFile(path: string): Promise<string> {
  const extension = extname(path).toLowerCase();
  if (!PLAN_FILE_EXTENSIONS.includes(extension)) {
    throw new PlanFileError(
      'PLAN_FILE_UNSUPPORTED_TYPE',
      path,
      `Unsupported plan file type "${extension || '(none)'}": use ${PLAN_FILE_EXTENSIONS.join(', ')}`,
    );
  }
  const bytes = await readBytes(path);
  if (extension !== '.docx') return bytes.toString('utf8');
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value;
  } catch (cause) {
    throw new PlanFileError('PLAN_FILE_UNREADABLE', path, `Not a readable .docx file: ${path}`, { cause });
  }
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PlanFileError(
      missing ? 'PLAN_FILE_NOT_FOUND' : 'PLAN_FILE_UNREADABLE',
      path,
      missing ? `Plan file not found: ${path}` : `Cannot read plan file: ${path}`,
      { cause },
    );
  }
}
