import { ELLITY_TRIGGERS, ellityWebhookTemplate } from '@ecomail-bridge/shared';
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

it('the setup text gives every event type its own full body', () => {
  const copies = trigger.inputFields.filter((field: { type?: string }) => field.type === 'copy') as Array<{ helpText: string }>;
  const bodies = copies.flatMap((field) => [...field.helpText.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1])));
  expect(bodies).toEqual(ELLITY_TRIGGERS.map((type) => JSON.parse(ellityWebhookTemplate(type))));
  const expiring = bodies.find((body) => body.trigger === 'points_expiring');
  expect(Object.keys(expiring.customer)).toEqual(expect.arrayContaining(['nextExpirationDate', 'nextExpirationValue']));
  expect(Object.keys(bodies.find((body) => body.trigger === 'pin_changed').customer)).toContain('pin');
});

it('tells how to fix a call without e-mail where the user finds the body, not an outside template', async () => {
  const error = await appTester(trigger.perform, { cleanedRequest: { ...body, customer: {} }, inputData: {} }).catch((caught: Error) => caught);
  expect([error.name, error.message.split('\nWhat happened:')[0]]).toEqual([
    'HaltedError',
    'The Ellity webhook has no customer email: the body needs "customer": {"email": "#customer.email#"}. Copy the JSON body for this event type again from this trigger’s “Set Up Ellity” text into Ellity (Settings → Integration → Webhooks).',
  ]);
});
