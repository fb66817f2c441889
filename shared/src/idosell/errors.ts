/**
 * Errors of the IdoSell source. Messages name the gate and what went wrong, never the API key
 * (it travels only in a header and is never part of a URL).
 */

/** IdoSell refused a call, by HTTP status or by a fault inside a 200 (`status` is then 200). */
export class IdoSellApiError extends Error {
  constructor(
    readonly status: number,
    readonly gate: string,
    detail: string,
    readonly faultCode?: string,
  ) {
    super(`IdoSell ${gate} failed${status === 200 ? ' (fault inside HTTP 200)' : ` with HTTP ${status}`}: ${detail.slice(0, 300)}`);
    this.name = 'IdoSellApiError';
  }
}

/** The key is wrong, revoked or lacks a permission: only the merchant can fix it. */
export class IdoSellAuthError extends Error {
  constructor(
    readonly status: number,
    readonly gate: string,
    readonly scope?: string,
  ) {
    super(
      scope
        ? `The IdoSell API key lacks a permission (${scope}): give the key that access in the shop panel, Administration → API → Admin API access keys (${gate}).`
        : `IdoSell refused the API key (HTTP ${status} on ${gate}): check IDOSELL_API_KEY and the key's allowed hosts in the shop panel.`,
    );
    this.name = 'IdoSellAuthError';
  }
}

/** The monthly request quota (CLOUD plans) or the run's own request budget is used up. */
export class IdoSellQuotaError extends Error {
  constructor(
    readonly gate: string,
    readonly used: number,
    reason: 'shop' | 'budget',
  ) {
    super(
      reason === 'shop'
        ? `IdoSell refused ${gate}: the shop's monthly API request limit is used up (${used} requests this run). Nothing after this point was read; run again once the limit renews.`
        : `Stopped before ${gate}: this run's IdoSell request budget of ${used} is used up. Run again to continue.`,
    );
    this.name = 'IdoSellQuotaError';
  }
}
