import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError, ExitCode } from './exit-codes';
import type { Redactor } from './redactor';

/** The optional JSON config file (`--config`, else ~/.config/ecomail-bridge/config.json if present). */
export interface ConfigFile {
  ecomail?: { apiKey?: string; baseUrl?: string };
  goout?: { accessToken?: string; refreshToken?: string; baseUrl?: string; tokenFile?: string };
  idosell?: { apiKey?: string; shopUrl?: string; apiVersion?: string };
  getresponse?: { apiKey?: string; baseUrl?: string; domain?: string };
  salesmanago?: Partial<SalesManagoSettings>;
}

export interface EcomailSettings {
  apiKey?: string;
  baseUrl?: string;
}

export interface GoOutSettings {
  accessToken?: string;
  refreshToken?: string;
  baseUrl?: string;
  /** Where the token manager keeps the current (possibly rotated) pair. */
  tokenFile: string;
}

export interface CredentialFlags {
  config?: string;
  apiKey?: string;
  ecomailUrl?: string;
  gooutUrl?: string;
  gooutAccessToken?: string;
  gooutRefreshToken?: string;
  gooutTokenFile?: string;
}

export type Env = Record<string, string | undefined>;

function configDir(env: Env): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'ecomail-bridge');
}

/** Reads the config file: the named one must exist; the default one is used only when it does. */
export async function loadConfigFile(flags: CredentialFlags, env: Env, cwd: string): Promise<{ file?: string; config: ConfigFile }> {
  const named = flags.config ? path.resolve(cwd, flags.config) : undefined;
  const file = named ?? path.join(configDir(env), 'config.json');
  if (!named && !existsSync(file)) return { config: {} };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the config file ${file}: ${(error as Error).message}`, ExitCode.usage);
  }
  try {
    const config: unknown = JSON.parse(text);
    if (!config || typeof config !== 'object' || Array.isArray(config)) throw new Error('not a JSON object');
    return { file, config: config as ConfigFile };
  } catch (error) {
    // The parser's message may quote file content (a key): say only where the problem is.
    throw new CliError(`The config file ${file} is not valid JSON (${error instanceof SyntaxError ? 'syntax error' : (error as Error).message}).`, ExitCode.usage);
  }
}

/** Flags win over the environment, the environment over the config file. */
export function ecomailSettings(flags: CredentialFlags, env: Env, config: ConfigFile, redactor: Redactor): EcomailSettings {
  const apiKey = flags.apiKey || env.ECOMAIL_API_KEY || config.ecomail?.apiKey || undefined;
  redactor.add(apiKey);
  return { apiKey, baseUrl: flags.ecomailUrl || env.ECOMAIL_BASE_URL || config.ecomail?.baseUrl || undefined };
}

export function goOutSettings(flags: CredentialFlags, env: Env, config: ConfigFile, cwd: string, redactor: Redactor): GoOutSettings {
  const accessToken = flags.gooutAccessToken || env.GOOUT_ACCESS_TOKEN || config.goout?.accessToken || undefined;
  const refreshToken = flags.gooutRefreshToken || env.GOOUT_REFRESH_TOKEN || config.goout?.refreshToken || undefined;
  redactor.add(accessToken);
  redactor.add(refreshToken);
  const tokenFile = flags.gooutTokenFile || env.GOOUT_TOKEN_FILE || config.goout?.tokenFile;
  return {
    accessToken,
    refreshToken,
    baseUrl: flags.gooutUrl || env.GOOUT_BASE_URL || config.goout?.baseUrl || undefined,
    tokenFile: tokenFile ? path.resolve(cwd, tokenFile) : path.join(configDir(env), 'goout-tokens.json'),
  };
}

export interface IdoSellSettings {
  apiKey?: string;
  shopUrl?: string;
  apiVersion?: string;
}

/** The shop's key, URL and API version: the environment over the config file. */
export function idosellSettings(env: Env, config: ConfigFile, redactor: Redactor): IdoSellSettings {
  const apiKey = env.IDOSELL_API_KEY || config.idosell?.apiKey || undefined;
  redactor.add(apiKey);
  return {
    apiKey,
    shopUrl: env.IDOSELL_SHOP_URL || config.idosell?.shopUrl || undefined,
    apiVersion: env.IDOSELL_API_VERSION || config.idosell?.apiVersion || undefined,
  };
}

export interface GetResponseSettings {
  apiKey?: string;
  baseUrl?: string;
  /** MAX (Enterprise) accounts only. */
  domain?: string;
}

/** The GetResponse key, API address and MAX domain: the environment over the config file. */
export function getResponseSettings(env: Env, config: ConfigFile, redactor: Redactor): GetResponseSettings {
  const apiKey = env.GETRESPONSE_API_KEY || config.getresponse?.apiKey || undefined;
  redactor.add(apiKey);
  return {
    apiKey,
    baseUrl: env.GETRESPONSE_BASE_URL || config.getresponse?.baseUrl || undefined,
    domain: env.GETRESPONSE_DOMAIN || config.getresponse?.domain || undefined,
  };
}

/** The SALESmanago account (docs/salesmanago.md §1): what Integration Center → API shows, and the API key the user chose. */
export interface SalesManagoSettings {
  clientId?: string;
  apiKey?: string;
  apiSecret?: string;
  owner?: string;
  /** The account's endpoint, e.g. app3.salesmanago.com. */
  baseUrl?: string;
}

/** The SALESMANAGO_* variables over the config file's `salesmanago` block; the key and secret are masked from then on. */
export function salesManagoSettings(env: Env, config: ConfigFile, redactor: Redactor): SalesManagoSettings {
  const file = config.salesmanago ?? {};
  const settings: SalesManagoSettings = {
    clientId: env.SALESMANAGO_CLIENT_ID || file.clientId || undefined,
    apiKey: env.SALESMANAGO_API_KEY || file.apiKey || undefined,
    apiSecret: env.SALESMANAGO_API_SECRET || file.apiSecret || undefined,
    owner: env.SALESMANAGO_OWNER || file.owner || undefined,
    baseUrl: env.SALESMANAGO_BASE_URL || file.baseUrl || undefined,
  };
  redactor.add(settings.apiKey);
  redactor.add(settings.apiSecret);
  return settings;
}
