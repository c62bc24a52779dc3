import { PmwError } from '../../workers/engine/errors.js';

/** Longest file name kept, in UTF-16 units; most file systems stop at 255 bytes. */
const MAX_NAME = 200;

/**
 * The file name an upload is stored under: the last path segment of what the browser sent (either slash),
 * without control characters, never a dot file, `.` or `..`. Refuses (BAD_REQUEST) what leaves nothing usable.
 */
export function sanitizeUploadName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // Control characters (NUL included) and the characters Windows forbids never reach the file system.
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/gu, '').trim();
  if (cleaned === '' || cleaned.startsWith('.')) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `the upload name ${JSON.stringify(raw)} is not a usable file name`,
      hint: 'name the file with letters or digits first, e.g. person.csv (dot files are not accepted)',
    });
  }
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME - extension.length) + extension;
}

/** An upload batch id chosen by the page: letters, digits, `-` and `_`, at most 64 of them. */
export function checkBatchId(raw: string | null): string {
  if (raw && /^[A-Za-z0-9_-]{1,64}$/.test(raw)) return raw;
  throw new PmwError({
    code: 'BAD_REQUEST',
    message: `the upload batch ${JSON.stringify(raw)} is not a valid id`,
    hint: 'use 1 to 64 letters, digits, - or _',
  });
}

/** A notebook name for saving: a sanitised file name with `.md` added when it lacks it. */
export function notebookFileName(raw: string | null): string {
  const name = sanitizeUploadName(raw ?? '');
  return /\.md$/i.test(name) ? name : `${name}.md`;
}
