/**
 * The command line was wrong (unknown command or option, missing or malformed argument): exit code 2,
 * and the message points at the help of the command that was meant.
 */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }

  /** `unknown option --foo — see pmw query --help` */
  describe(): string {
    const help = this.command ? `pmw ${this.command} --help` : 'pmw --help';
    return `${this.message} — see ${help}`;
  }
}
