/**
 * The Engine methods a page may call, by name: everything of `EngineClient`. `pmw serve` relays only these,
 * and web.ts builds its client from the same list. The type check below fails when the Engine API gains a
 * method this list does not name.
 */
import type { EngineClient } from './platform.js';

export const ENGINE_CLIENT_METHODS = [
  'datasets', 'dataset', 'importFile', 'profile', 'query', 'cancel', 'audit', 'verifyAudit',
  'signals', 'signalTrend', 'cohort', 'characterize', 'incidence', 'survival',
  'variants', 'carriers', 'linkSamples', 'association', 'pgx',
  'privacyPolicy', 'setPrivacyPolicy', 'scanPrivacy', 'applyTransforms', 'kAnonymity', 'quality', 'exportCatalog',
] as const satisfies readonly (keyof EngineClient)[];

type Missing = Exclude<keyof EngineClient, (typeof ENGINE_CLIENT_METHODS)[number]>;
/** Names a method of EngineClient missing from the list above, when there is one. */
export const everyMethodListed: [Missing] extends [never] ? true : Missing = true;

export type EngineClientMethod = (typeof ENGINE_CLIENT_METHODS)[number];

export function isEngineClientMethod(name: unknown): name is EngineClientMethod {
  return typeof name === 'string' && (ENGINE_CLIENT_METHODS as readonly string[]).includes(name);
}
