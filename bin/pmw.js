#!/usr/bin/env node
// The `pmw` bin: runs the TypeScript CLI through tsx, so there is no build step between a change and its use.
import { register } from 'tsx/esm/api';

register();
await import('../cli/pmw.ts');
