/**
 * Which services `npm start` talks to, decided from the environment once.
 *
 * - Nothing set: both sandboxes, in this process, seeded with sample buyers and Ellity events.
 * - ECOMAIL_API_KEY + ECOMAIL_LIST_ID + GOOUT_ACCESS_TOKEN + GOOUT_REFRESH_TOKEN: the real
 *   services, GoOut buyers into the real list. The Ellity part is skipped: its sample events are
 *   invented people, and Ellity has no API to read real ones (it pushes webhooks).
 * - Only the GoOut tokens: real GoOut buyers into the Ecomail sandbox — a preview that writes
 *   nothing anywhere real.
 * - Only the Ecomail variables: the sandboxes as with nothing set, and a notice. The sample buyers
 *   are invented, but their addresses sit on real mail domains: they never go into a real list.
 */
export interface DemoEnv {
  ECOMAIL_API_KEY?: string;
  ECOMAIL_LIST_ID?: string;
  ECOMAIL_BASE_URL?: string;
  GOOUT_ACCESS_TOKEN?: string;
  GOOUT_REFRESH_TOKEN?: string;
  GOOUT_BASE_URL?: string;
  GOOUT_ORGANIZER_ID?: string;
  /** Real GoOut only: purchases from this moment (ISO); default 30 days back. */
  GOOUT_SINCE?: string;
}

export interface RealEcomail {
  apiKey: string;
  listId: string;
  baseUrl?: string;
}

export interface RealGoOut {
  accessToken: string;
  refreshToken: string;
  baseUrl?: string;
  organizerId?: string;
  since: string;
}

export interface DemoPlan {
  /** Undefined: the Ecomail sandbox. */
  ecomail?: RealEcomail;
  /** Undefined: the GoOut sandbox. */
  goout?: RealGoOut;
  /** Run the Ellity example with sample events (only into the sandbox). */
  ellity: boolean;
  notices: string[];
}

const DAY_MS = 86_400_000;

const value = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : undefined);

export function planFromEnv(env: DemoEnv, now = Date.now()): DemoPlan {
  const apiKey = value(env.ECOMAIL_API_KEY);
  const listId = value(env.ECOMAIL_LIST_ID);
  const accessToken = value(env.GOOUT_ACCESS_TOKEN);
  const refreshToken = value(env.GOOUT_REFRESH_TOKEN);
  const notices: string[] = [];

  let goout: RealGoOut | undefined;
  if (accessToken && refreshToken) {
    goout = {
      accessToken,
      refreshToken,
      baseUrl: value(env.GOOUT_BASE_URL),
      organizerId: value(env.GOOUT_ORGANIZER_ID),
      since: new Date(value(env.GOOUT_SINCE) ?? now - 30 * DAY_MS).toISOString(),
    };
  } else if (accessToken || refreshToken) {
    notices.push('Only one of GOOUT_ACCESS_TOKEN / GOOUT_REFRESH_TOKEN is set: GoOut needs both, so the GoOut sandbox is used.');
  }

  let ecomail: RealEcomail | undefined;
  if (apiKey && listId) {
    if (goout) ecomail = { apiKey, listId, baseUrl: value(env.ECOMAIL_BASE_URL) };
    else {
      notices.push(
        'ECOMAIL_API_KEY and ECOMAIL_LIST_ID are set, but without GoOut tokens the only buyers are the invented sample ones: ' +
          'they are not written into your real list, so the Ecomail sandbox is used. Set GOOUT_ACCESS_TOKEN and GOOUT_REFRESH_TOKEN too.',
      );
    }
  } else if (apiKey || listId) {
    notices.push('Ecomail needs both ECOMAIL_API_KEY and ECOMAIL_LIST_ID: the Ecomail sandbox is used.');
  }
  if (ecomail) notices.push('Ellity part skipped: its sample events are invented and are never written into a real list.');
  return { ecomail, goout, ellity: !ecomail, notices };
}
