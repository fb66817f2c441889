import {
  DEFAULT_CATEGORY_SOURCE,
  DEFAULT_CREATE_ORDERS,
  DEFAULT_INCLUDE_REFUNDED,
  DEFAULT_SHOP_CONSENT_MODE,
  DEFAULT_SHOP_SEGMENT_TAGS,
  INCLUDE_REFUNDED_TEXT,
  SHOP_CONSENT_MODE_TEXT,
} from '@ecomail-bridge/shared/node';
import { Command, CommanderError, Option } from 'commander';
import { keepTagsAliasOption, subscribeChoiceOption, tagHandlingOption } from './choice-options';
import type { CliIo } from './cli-io';
import { backfillGoOut } from './commands/backfill-goout';
import { backfillIdoSell } from './commands/backfill-idosell';
import { exportEllity } from './commands/export-ellity';
import { destinationOption } from './destinations';
import { CliError, ExitCode } from './exit-codes';
import { campaignId, importMode, isoDate, listId, positiveInteger, positiveNumber, type EllityFlags, type GoOutFlags, type IdoSellFlags } from './options';
import { Redactor } from './redactor';

/** Where a command that can write to several destinations sends: `--to` and each one's target. */
function destinationOptions(command: Command): Command {
  return command
    .addOption(destinationOption())
    .option('--list <id>', 'Ecomail list id to import into (--to ecomail)', listId)
    .option('--campaign <id>', 'GetResponse campaign (list) id to import into (--to getresponse; env GETRESPONSE_API_KEY, GETRESPONSE_BASE_URL, GETRESPONSE_DOMAIN)', campaignId);
}

/** Options every import command takes. */
function importOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--mode <mode>', 'add-and-update | add-only | update-only (only contacts already in the list)')
        .argParser(importMode)
        .default('add-and-update'),
    )
    .option('--max <n>', 'stop after this many contacts in one run (scheduled imports: 10000; GetResponse: at most 10000, the default)', positiveInteger)
    .option('--dry-run', 'read and map everything, send nothing (no calls to the destination, no checkpoint)')
    .option('--checkpoint <file>', 'resume file: progress is saved after every confirmed batch')
    .option('--report <file>', 'write a JSON report (counts, every failed item with its reason)')
    .option('--pace <contacts-per-hour>', 'spread the import over time at this many contacts per hour', positiveNumber)
    .option('--confirm-permission', 'confirm you have permission to e-mail these people (asked on a terminal otherwise)')
    // Confirmation e-mails and new-subscriber notifications are not offered: they mail people, and
    // a batch resent after an outage (at least once, see resume) would mail them twice.
    .addOption(subscribeChoiceOption('resubscribe', 'resubscribe'))
    .addOption(subscribeChoiceOption('trigger-automations', 'triggerAutomations'))
    .addOption(tagHandlingOption())
    .addOption(keepTagsAliasOption())
    .option('--config <file>', 'JSON config file (default ~/.config/ecomail-bridge/config.json if it exists)')
    .option('--ecomail-url <url>', 'Ecomail API base URL (env ECOMAIL_BASE_URL)')
    .addOption(new Option('--api-key <key>', 'Ecomail API key; prefer env ECOMAIL_API_KEY (flags show up in shell history and ps)').hideHelp());
}

export function buildProgram(io: CliIo, redactor: Redactor, done: (run: Promise<ExitCode>) => void): Command {
  const program = new Command('ecomail-bridge')
    .description('Move GoOut ticket buyers, IdoSell shoppers and Ellity loyalty customers into Ecomail (GoOut and Ellity also into GetResponse or SALESmanago).')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(redactor.apply(text)),
      writeErr: (text) => io.stderr.write(redactor.apply(text)),
    });

  const backfill = program.command('backfill').description('import a source\'s history into an Ecomail list, a GetResponse campaign or SALESmanago (resumable)');
  importOptions(
    destinationOptions(backfill.command('goout'))
      .description('GoOut ticket purchases → Ecomail contacts and orders, GetResponse contacts, or SALESmanago contacts and events (tokens from GOOUT_ACCESS_TOKEN / GOOUT_REFRESH_TOKEN)')
      .option('--since <YYYY-MM-DD>', 'only purchases made on or after this day', isoDate)
      .option('--organizer <id>', 'only sales of this GoOut organiser (a token may see several)')
      .option('--no-personalization', 'do not send vocative, gender and name day')
      .option('--event-fields', 'write the last event name and start into custom fields goout_last_event(_start)')
      .option('--include-refunded', `${INCLUDE_REFUNDED_TEXT.label.toLowerCase()}, as canceled orders (default: ${DEFAULT_INCLUDE_REFUNDED ? 'yes' : 'no'})`)
      .addOption(new Option('--orders', 'the default; kept for older scripts').hideHelp())
      .addOption(
        new Option('--no-orders', `do not create an Ecomail order (SALESmanago: a purchase event) per purchase (default: ${DEFAULT_CREATE_ORDERS ? 'one per purchase, after its buyer' : 'none'}; GetResponse keeps no orders)`),
      )
      .option('--shop <name>', 'Ecomail "shop" of those orders')
      .option('--goout-url <url>', 'GoOut base URL (env GOOUT_BASE_URL; the sandbox for tests)')
      .option('--goout-token-file <file>', 'where the current GoOut token pair is kept (default ~/.config/ecomail-bridge/goout-tokens.json)')
      .addOption(new Option('--goout-access-token <token>', 'prefer env GOOUT_ACCESS_TOKEN').hideHelp())
      .addOption(new Option('--goout-refresh-token <token>', 'prefer env GOOUT_REFRESH_TOKEN').hideHelp()),
  ).action((flags: GoOutFlags) => done(backfillGoOut(flags, io, redactor)));

  importOptions(
    destinationOptions(backfill.command('idosell'))
      .description('IdoSell shop orders and newsletter subscribers → contacts and orders in Ecomail, GetResponse or SALESmanago (env IDOSELL_SHOP_URL, IDOSELL_API_KEY, optional IDOSELL_API_VERSION)')
      .option('--since <YYYY-MM-DD>', 'only orders changed on or after this day (shop time); a checkpoint continues where it stopped', isoDate)
      .addOption(
        new Option(
          '--consent-mode <mode>',
          Object.entries(SHOP_CONSENT_MODE_TEXT).map(([value, text]) => `${value}: ${text.label}. ${text.description}`).join(' '),
        )
          .choices(Object.keys(SHOP_CONSENT_MODE_TEXT))
          .default(DEFAULT_SHOP_CONSENT_MODE),
      )
      .addOption(new Option('--category-source <source>', 'which IdoSell classification gives the category tags').choices(['menu', 'shopCategory']).default(DEFAULT_CATEGORY_SOURCE))
      .option('--registered-tag <tag>', `tag of customers with an account (default ${DEFAULT_SHOP_SEGMENT_TAGS.registered})`)
      .option('--newsletter-tag <tag>', `tag of newsletter subscribers without an account (default ${DEFAULT_SHOP_SEGMENT_TAGS.newsletter})`)
      .option('--no-subscribers', 'orders only: skip newsletter subscribers without an account')
      .option('--no-personalization', 'do not send vocative, gender and name day')
      .addOption(new Option('--no-orders', `do not send an order per IdoSell order (default: ${DEFAULT_CREATE_ORDERS ? 'one order per order, after its buyer' : 'none'})`))
      .option('--shop <name>', '"shop" of those orders')
      .option('--request-budget <n>', 'stop before this run sends more IdoSell requests (CLOUD plans pay per request)', positiveInteger)
      .option('--requests-per-minute <n>', 'at most this many IdoSell requests a minute, so the shop is not slowed', positiveNumber),
  ).action((flags: IdoSellFlags) => done(backfillIdoSell(flags, io, redactor)));

  const exportCommand = program.command('export').description('one-time exports into an Ecomail list, a GetResponse campaign or SALESmanago');
  importOptions(
    destinationOptions(exportCommand.command('ellity'))
      .description('Ellity customer export (CSV with email and ellity_* columns) → contacts with ellity_* fields (Ecomail, GetResponse or SALESmanago)')
      .requiredOption('--file <customers.csv>', 'the CSV downloaded from Ellity (; or , separated, UTF-8)'),
  ).action((flags: EllityFlags) => done(exportEllity(flags, io, redactor)));

  return program;
}

/** Runs one command line; resolves with the exit code instead of exiting (tests call this). */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const redactor = new Redactor();
  let run: Promise<ExitCode> | undefined;
  const program = buildProgram(io, redactor, (started) => {
    run = started;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!run) {
      program.outputHelp({ error: true });
      return ExitCode.usage;
    }
    return await run;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; everything else commander refuses is usage.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
      io.stderr.write(redactor.apply(`error: ${error.message}\n`));
      return error.exitCode;
    }
    io.stderr.write(redactor.apply(`error: ${(error as Error)?.message ?? String(error)}\n`));
    return ExitCode.interrupted;
  }
}
