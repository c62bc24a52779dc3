/** The engine's version, written into reports and `WorkspaceInfo`. Kept equal to package.json by a test. */
export const ENGINE_VERSION = '0.1.0';

/** Bumped when the layout of `_catalog`, `_audit` or `_meta` changes. */
export const WORKSPACE_FORMAT = 2;
