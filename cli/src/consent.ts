import { createInterface } from 'node:readline/promises';
import { CliError, ExitCode } from './exit-codes';

export interface ConsentIo {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/**
 * docs/stories.md §6: an import that mails people starts only after the user confirms they may be
 * mailed. Non-interactive runs confirm with --confirm-permission; on a terminal we ask.
 */
export async function requirePermission(confirmed: boolean, io: ConsentIo): Promise<void> {
  if (confirmed) return;
  if (!io.stdin?.isTTY) {
    throw new CliError(
      'Importing contacts requires confirming that you have permission to e-mail these people: add --confirm-permission (or run it on a terminal to be asked).',
      ExitCode.usage,
    );
  }
  const prompt = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream, terminal: true });
  try {
    const answer = await prompt.question(
      'Do you have permission to e-mail the people you are importing (their consent or another lawful basis)? Type "yes" to continue: ',
    );
    if (!/^\s*(yes|y|ano|a)\s*$/i.test(answer)) throw new CliError('Import cancelled: permission to e-mail these people was not confirmed.', ExitCode.usage);
  } finally {
    prompt.close();
  }
}
