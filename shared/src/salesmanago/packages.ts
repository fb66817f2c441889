import { SalesManagoApiError } from './errors';

/** What became of one item sent in a package. */
export type Delivery = { status: 'sent' } | { status: 'failed'; reason: string; error: unknown; httpStatus?: number };

export interface PackagePlan<T> {
  size: number;
  /** Packages in flight at once. */
  concurrency: number;
  /**
   * Sends one package. Resolves with the reasons of the items SALESmanago named as failed (by
   * position in the package; none = all arrived); throws when the whole call failed.
   */
  send: (items: T[]) => Promise<Map<number, string>>;
}

/**
 * Sends items in packages so that none vanishes (docs/salesmanago.md §5): a package refused with
 * `success: false` is sent once more, then halved down to single items, so one bad row fails
 * alone and its neighbours arrive; a single item is also sent once more before it fails, since a
 * passing refusal reads the same as a lasting one. A package the service never took (no answer, throttled or 5xx
 * after the retries) fails its items with that status — an outage, not their fault. Once the
 * credentials are refused no package starts: every item not delivered fails with that error,
 * which is returned too, for the caller to throw or report once.
 */
export async function deliverInPackages<T>(items: readonly T[], plan: PackagePlan<T>): Promise<{ deliveries: Delivery[]; authError?: SalesManagoApiError }> {
  const results: Delivery[] = new Array(items.length);
  const packages: number[][] = [];
  for (let start = 0; start < items.length; start += plan.size) {
    packages.push(Array.from({ length: Math.min(plan.size, items.length - start) }, (_, i) => start + i));
  }
  let authError: SalesManagoApiError | undefined;

  const sendPackage = async (indexes: number[], retry: boolean): Promise<void> => {
    if (authError) return;
    try {
      const failures = await plan.send(indexes.map((index) => items[index]));
      indexes.forEach((index, i) => {
        const reason = failures.get(i);
        results[index] = reason === undefined ? { status: 'sent' } : { status: 'failed', reason, error: new Error(reason), httpStatus: 200 };
      });
    } catch (error) {
      if (error instanceof SalesManagoApiError && error.isAuthError) authError ??= error;
      else if (error instanceof SalesManagoApiError && error.kind === 'refused') {
        if (retry) return sendPackage(indexes, false);
        if (indexes.length > 1) {
          const middle = Math.ceil(indexes.length / 2);
          const [first, second] = [indexes.slice(0, middle), indexes.slice(middle)];
          await sendPackage(first, first.length === 1);
          await sendPackage(second, second.length === 1);
          return;
        }
      }
      const reason = error instanceof Error ? error.message : String(error);
      const httpStatus = error instanceof SalesManagoApiError ? error.status : undefined;
      for (const index of indexes) results[index] = { status: 'failed', reason, error, httpStatus };
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (!authError && next < packages.length) await sendPackage(packages[next++], true);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.concurrency, packages.length)) }, worker));
  if (authError) {
    const failed: Delivery = { status: 'failed', reason: authError.message, error: authError, httpStatus: authError.status };
    for (let index = 0; index < items.length; index++) if (results[index]?.status !== 'sent') results[index] = failed;
  }
  return { deliveries: results, authError };
}
