/** Byte codes the VCF scanners compare against. */
export const NEWLINE = 10;
export const COMMA = 44;
export const COLON = 58;
export const TAB = 9;
export const SLASH = 47;
export const PIPE = 124;
export const DOT = 46;
