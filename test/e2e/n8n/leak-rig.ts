/**
 * What the leak check (checks/secret-leaks.ts) runs against: every secret of its workflows carries
 * one marker unique to this run, an Ecomail stand-in answers every call with a 5xx, and a GoOut
 * stand-in puts the marker into every token it issues and is reached through fault proxies that
 * make the token refresh fail in the chosen way.
 */
import { randomBytes } from 'node:crypto';
import { startEcomailSandbox, type EcomailSandbox } from '../../sandbox/ecomail';
import { startGoOutSandbox, type GoOutSandbox } from '../../sandbox/goout';
import { startFaultProxy, type FaultProxy } from '../../reliability/lib/fault-proxy';

/** Letters and digits only: the GoOut sandbox puts it into JWT-shaped tokens. */
export const LEAK_MARKER = `e2eleak${randomBytes(6).toString('hex')}`;

export const LEAK_SECRETS = {
  refusedEcomailKey: `${LEAK_MARKER}-ecomail-refused-key`,
  stormEcomailKey: `${LEAK_MARKER}-ecomail-storm-key`,
  offlineEcomailKey: `${LEAK_MARKER}-ecomail-offline-key`,
  wrongWebhookSecret: `${LEAK_MARKER}-wrong-webhook-secret`,
} as const;

/** Nothing listens on the discard port: every call to it is a network error. */
export const UNREACHABLE_BASE_URL = 'http://127.0.0.1:9';

export interface LeakRig {
  /** Answers every API call with 500, 502 or 503. */
  ecomailStorm: EcomailSandbox;
  goout: GoOutSandbox;
  /** One proxy per GoOut credential, so each one's refresh can fail its own way. */
  gooutProxies: { deadToken: FaultProxy; queryVariant5xx: FaultProxy; queryVariantReset: FaultProxy };
  close(): Promise<void>;
}

export async function startLeakRig(): Promise<LeakRig> {
  const ecomailStorm = await startEcomailSandbox({ apiKeys: [LEAK_SECRETS.stormEcomailKey], faults: { errorRate: 1 } });
  const goout = await startGoOutSandbox({ tokenMarker: LEAK_MARKER });
  goout.seed(5, { sales: 1, foreignSales: 0 });
  const forward = () => undefined;
  const gooutProxies = {
    deadToken: await startFaultProxy(goout.url, forward),
    queryVariant5xx: await startFaultProxy(goout.url, forward),
    queryVariantReset: await startFaultProxy(goout.url, forward),
  };
  return {
    ecomailStorm,
    goout,
    gooutProxies,
    close: async () => {
      for (const proxy of Object.values(gooutProxies)) await proxy.close();
      await goout.close();
      await ecomailStorm.close();
    },
  };
}

/** The credentials of the leak workflows (ids referenced by test/e2e/n8n/workflows/leak-*.json). */
export function leakCredentials(rig: LeakRig, ecomailUrl: string): unknown[] {
  const ecomail = (id: string, name: string, apiKey: string, baseUrl: string) => ({ id, name, type: 'ecomailApi', data: { apiKey, baseUrl } });
  const goout = (id: string, name: string, proxy: FaultProxy) => {
    const tokens = rig.goout.initialTokens();
    return { id, name, type: 'goOutApi', data: { initialAccessToken: tokens.accessToken, refreshToken: tokens.refreshToken, baseUrl: proxy.url } };
  };
  return [
    ecomail('e2eLeakEcoRefCr1', 'Leak: refused Ecomail key', LEAK_SECRETS.refusedEcomailKey, ecomailUrl),
    ecomail('e2eLeakEcoStrmCr', 'Leak: Ecomail 5xx storm', LEAK_SECRETS.stormEcomailKey, rig.ecomailStorm.url),
    ecomail('e2eLeakEcoOffCr1', 'Leak: Ecomail unreachable', LEAK_SECRETS.offlineEcomailKey, UNREACHABLE_BASE_URL),
    goout('e2eLeakGoDeadCr1', 'Leak: GoOut dead refresh token', rig.gooutProxies.deadToken),
    goout('e2eLeakGo5xxCr01', 'Leak: GoOut query refresh 5xx', rig.gooutProxies.queryVariant5xx),
    goout('e2eLeakGoRstCr01', 'Leak: GoOut query refresh reset', rig.gooutProxies.queryVariantReset),
  ];
}
