/**
 * The folder holding every one of `paths` directly (an OMOP folder's tables, FAERS quarters dropped
 * together), or null when they lie in different folders. Works on POSIX and Windows paths.
 */
export function commonFolder(paths: readonly string[]): string | null {
  const folders = new Set(paths.map((path) => path.replace(/[\\/][^\\/]*$/, '')));
  if (folders.size !== 1) return null;
  const [folder] = folders;
  return folder === undefined || folder === '' ? null : folder;
}
