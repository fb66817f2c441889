import { startSalesManagoSandbox, type SalesManagoSandbox } from '../sandbox/salesmanago';

export const NO_FAULTS = { errorRate: 0, resetRate: 0, throttleRate: 0, busyRate: 0, failureRate: 0, latencyMs: 0, seed: 1 };

/** One SALESmanago sandbox per test file, emptied and without faults before each test. */
export function sandboxPerFile(): { readonly sb: SalesManagoSandbox } {
  const holder = {} as { sb: SalesManagoSandbox };
  beforeAll(async () => {
    holder.sb = await startSalesManagoSandbox();
  });
  afterAll(() => holder.sb.close());
  beforeEach(() => {
    holder.sb.state.reset();
    holder.sb.setFaults(NO_FAULTS);
  });
  return holder;
}
