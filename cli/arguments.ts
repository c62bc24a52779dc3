import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

/** Options every command takes. */
export const COMMON_OPTIONS = {
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `node:util` parseArgs in strict mode, with its errors turned into usage errors that name the command.
 * Negated booleans (`--no-header`) are allowed.
 */
type CommandLineConfig<T extends ParseArgsConfig> = T & { strict: true; allowPositionals: true; allowNegative: true };

export function parseCommandLine<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<CommandLineConfig<T>>> {
  try {
    return parseArgs({ ...config, strict: true, allowPositionals: true, allowNegative: true });
  } catch (error) {
    throw new UsageError(usageMessage(error), command);
  }
}

/** parseArgs messages are long and mention its own API (`args`, `strict:false`); keep the part a user needs. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^']*)'/.exec(message)?.[1] ?? /Option '([^']*)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = option?.split(' ')[0] ?? 'an option';
      return /does not take/.test(message) ? `option ${name} takes no value` : `option ${name} needs a value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim();
    default:
      return message.split('\n')[0] ?? message;
  }
}

/** Exactly `count` positional arguments, named in the message when missing. */
export function requirePositionals(command: string, positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) {
    throw new UsageError(`missing ${names.slice(positionals.length).join(' and ')}`, command);
  }
  if (positionals.length > names.length) {
    throw new UsageError(`unexpected argument ${positionals[names.length]}`, command);
  }
  return positionals;
}

/** A whole number option within bounds, or the default when absent. */
export function integerOption(command: string, name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!/^\s*[\d_,]+\s*$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not ${value}`, command);
  }
  return parsed;
}

/** One of a fixed set of words, or the default when absent. */
export function choiceOption<C extends string>(command: string, name: string, value: string | undefined, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as C;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not ${value}`, command);
}
