import { NetworkFault, sendWithPolicy } from '../http/retry-policy';
import { ellitySubscriptionNotice, type EllitySubscriptionNotice, type EllitySubscriptionNoticeInput } from '../ellity/subscription-notice';
import { systemClock, type Runtime } from '../ports';

/** Ellity refused or could not be reached; `status` 0 means no answer. */
export class EllityApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EllityApiError';
  }
}

export interface EllitySubscriptionReport extends EllitySubscriptionNoticeInput {
  /** The subscription webhook URL from the Ellity console. */
  url: string;
  /** JSON to send instead of the default notice; #email#, #status#, #listId#, #campaignId# are filled in. */
  bodyTemplate?: string;
}

/**
 * Tells Ellity that a contact joined or left a list (docs/ellity.md §5). The body is the notice
 * Ellity already reads from Ecomail's list webhook, or the user's template; the call goes through
 * the one retry policy, and a refusal comes back as `EllityApiError` with Ellity's status.
 */
export async function reportEllitySubscription(
  runtime: Runtime,
  report: EllitySubscriptionReport,
): Promise<{ notice: EllitySubscriptionNotice; response: unknown }> {
  const url = report.url.trim();
  if (!/^https?:\/\/\S+$/i.test(url)) throw new EllityApiError(0, 'The Ellity URL must be the full http(s) address from the Ellity console.');
  const notice = ellitySubscriptionNotice(report);
  const body = report.bodyTemplate?.trim() ? fillTemplate(report.bodyTemplate, notice) : notice;
  let response;
  try {
    response = await sendWithPolicy(
      { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body },
      { transport: runtime.transport, sleep: runtime.sleep, now: runtime.now ?? systemClock },
    );
  } catch (error) {
    if (error instanceof NetworkFault) throw new EllityApiError(0, `Ellity could not be reached: ${error.message}`);
    throw error;
  }
  if (response.status < 200 || response.status >= 300) {
    throw new EllityApiError(response.status, `Ellity answered HTTP ${response.status}: check the Ellity URL copied from the Ellity console`);
  }
  return { notice, response: response.body ?? null };
}

/** Fills the placeholders inside the template's JSON strings, escaped for JSON. */
function fillTemplate(template: string, notice: EllitySubscriptionNotice): unknown {
  const values: Record<string, string> = {
    email: notice.payload.email,
    status: notice.payload.status,
    listId: String(notice.payload.listId),
    campaignId: notice.payload.campaignId === null ? '' : String(notice.payload.campaignId),
  };
  const filled = template.replace(/#(email|status|listId|campaignId)#/g, (_, name: string) => JSON.stringify(values[name]).slice(1, -1));
  try {
    return JSON.parse(filled) as unknown;
  } catch {
    throw new EllityApiError(0, 'The body template is not valid JSON');
  }
}
