import { RateAllowance } from '../../src/http/rate-allowance';

const WINDOW = 60_000;
const T0 = 1_000_000;

function sending(allowance: RateAllowance, count: number): void {
  for (let i = 0; i < count; i++) allowance.sent();
}

describe('RateAllowance', () => {
  it('starts at the limit and, on a refusal, keeps to 80 % of what the process sent in the full window', () => {
    const allowance = new RateAllowance(1000, WINDOW, T0);
    expect(allowance.current).toBe(1000);
    sending(allowance, 700);
    allowance.refused(T0 + 1_000, 700);
    expect(allowance.current).toBe(560);
  });

  it('takes at most half at once, and never goes below 5 % of the limit', () => {
    const allowance = new RateAllowance(1000, WINDOW, T0);
    sending(allowance, 10);
    allowance.refused(T0 + 1_000, 10);
    expect(allowance.current).toBe(500);
    for (let step = 1; step <= 8; step++) {
      sending(allowance, 1);
      allowance.refused(T0 + 1_000 + step * WINDOW, 1);
    }
    expect(allowance.current).toBe(50);
  });

  it('counts refusals of one overload once: those of requests sent before the cut, and those within a quarter window', () => {
    const allowance = new RateAllowance(1000, WINDOW, T0);
    sending(allowance, 900);
    allowance.refused(T0, 900);
    expect(allowance.current).toBe(720);
    // Requests still in flight when the cut happened come back refused too.
    allowance.refused(T0 + 10, 900);
    expect(allowance.current).toBe(720);
    sending(allowance, 5);
    allowance.refused(T0 + WINDOW / 4 - 1, 905);
    expect(allowance.current).toBe(720);
    allowance.refused(T0 + WINDOW / 4, 905);
    expect(allowance.current).toBe(576);
  });

  it('grows by 5 % only after a whole window in which a whole allowance went through unrefused', () => {
    const allowance = new RateAllowance(1000, WINDOW, T0);
    sending(allowance, 500);
    allowance.refused(T0, 500);
    expect(allowance.current).toBe(500);
    // Waiting for the window to free after the cut is no evidence of room.
    allowance.saturated(T0 + WINDOW);
    expect(allowance.current).toBe(500);
    sending(allowance, 499);
    allowance.saturated(T0 + WINDOW);
    expect(allowance.current).toBe(500);
    sending(allowance, 1);
    allowance.saturated(T0 + WINDOW - 1);
    expect(allowance.current).toBe(500);
    allowance.saturated(T0 + WINDOW);
    expect(allowance.current).toBe(525);
  });

  it('never grows above the limit, nor above a limit the server reports', () => {
    const allowance = new RateAllowance(1000, WINDOW, T0);
    sending(allowance, 1000);
    allowance.saturated(T0 + WINDOW);
    expect(allowance.current).toBe(1000);
    allowance.reportedLimit(600);
    expect(allowance.current).toBe(600);
    allowance.reportedLimit(5000);
    expect(allowance.current).toBe(600);
  });
});
