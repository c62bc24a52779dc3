/** The last part of a path, `/` or `\` separated: what a user recognises of a file or folder. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
