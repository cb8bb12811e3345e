// Local files named by a job: hashed when submitted (the key and the upload cache use the content, not the
// path), uploaded to the account the job was placed on (a `fileID` works only there), once per account and
// content (the ledger remembers uploads across runs).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { MiniMaxClient } from '@useapi-minimax/client';
import type { FileRef, Ledger } from './ledger.js';

/** The content types `POST /files` takes, by extension (webp is sent as jpeg by the client). */
export const UPLOAD_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
};

/** A local file a job cannot use: missing, or of a type the API does not take. */
export class FileProblemError extends Error {
  override readonly name = 'FileProblemError';
  constructor(
    /** The input field. */
    readonly field: string,
    /** The path. */
    readonly path: string,
    message: string,
  ) {
    super(`${field}: ${path}: ${message}`);
  }
}

/** Checks and hashes a local file for an input field (`anyType`: agent jobs send files as parts, of any type). */
export async function describeFile(field: string, path: string, anyType = false): Promise<FileRef> {
  const type = UPLOAD_TYPES[extname(path).toLowerCase()];
  if (!type && !anyType) throw new FileProblemError(field, path, `not a type the API takes (${Object.keys(UPLOAD_TYPES).join(', ')})`);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new FileProblemError(field, path, 'is not a file');
    size = s.size;
  } catch (error) {
    if (error instanceof FileProblemError) throw error;
    throw new FileProblemError(field, path, 'does not exist');
  }
  if (size === 0) throw new FileProblemError(field, path, 'is empty');
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  return { field, path, sha256, size };
}

/** The `fileID` of a file on an account: cached by the ledger, else uploaded now. */
export async function uploadTo(client: MiniMaxClient, ledger: Ledger, account: string, file: FileRef, signal: AbortSignal, onUpload?: () => void): Promise<string> {
  const cached = await ledger.getUpload(account, file.sha256);
  if (cached) return cached.fileID;
  const bytes = await readFile(file.path);
  const current = createHash('sha256').update(bytes).digest('hex');
  if (current !== file.sha256) throw new FileProblemError(file.field, file.path, 'changed since the job was submitted (its content is part of the job)');
  onUpload?.();
  const { fileID } = (await client.files.upload(bytes, { account, contentType: UPLOAD_TYPES[extname(file.path).toLowerCase()] as never }, { signal })) as { fileID?: string };
  if (!fileID) throw new FileProblemError(file.field, file.path, 'the upload answered without a fileID');
  await ledger.putUpload({ account, sha256: file.sha256, fileID, at: Date.now() });
  return fileID;
}
