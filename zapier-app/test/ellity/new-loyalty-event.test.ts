import EllityApp from '../../src/ellity';
import { tester, type Loose } from '../app-tester';

const App: Loose = EllityApp;
const appTester = tester(EllityApp);
const trigger = App.triggers.new_loyalty_event.operation;

const body = {
  schema: 'ellity-webhook/1',
  trigger: 'credit_changed',
  eshopId: '1043',
  customer: { id: '55821', email: ' Jana@Example.cz ', credit: '1 250,5', tierName: '#customer.tier.name#' },
  creditChange: { value: '50' },
};

it('turns the caught webhook into one normalised loyalty event', async () => {
  const [event] = await appTester(trigger.perform, { cleanedRequest: { ...body, querystring: {} }, inputData: {} });
  expect(event).toMatchObject({ type: 'credit_changed', email: 'jana@example.cz', credit: 1250.5, delta: 50, tier_name: null, eshop_id: '1043', degraded: false });
  expect(event.occurred_at).toMatch(/Z$/);
  expect(Object.keys(event)).toEqual(expect.arrayContaining(Object.keys(trigger.sample)));
});

it('filters by the chosen event type', async () => {
  const result = await appTester(trigger.perform, { cleanedRequest: body, inputData: { eventType: 'pin_changed' } });
  expect(result).toEqual([]);
});

it('halts on a call without a usable e-mail', async () => {
  const broken = { ...body, customer: { email: '#customer.email#' } };
  await expect(appTester(trigger.perform, { cleanedRequest: broken, inputData: {} })).rejects.toMatchObject({ name: 'HaltedError' });
});

it('performList gives a sample of the payload shape, per chosen type', async () => {
  const [sample] = await appTester(trigger.performList, { inputData: { eventType: 'points_expiring' } });
  expect(sample).toMatchObject({ type: 'points_expiring' });
  expect(Object.keys(sample).sort()).toEqual(Object.keys(trigger.sample).sort());
});
