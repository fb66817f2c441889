import { conflict, notFound } from '../errors';
import { route } from '../../ecomail/router';
import { readCampaignName } from '../validation';
import { campaignView, grDate } from '../views';
import { bodyObject, paged, type ApiHandler, type RouteContext } from './context';

function createCampaign(ctx: RouteContext) {
  const name = readCampaignName(bodyObject(ctx).name);
  if ([...ctx.store.campaigns.values()].some((campaign) => campaign.name === name)) throw conflict('Campaign with this name already exists');
  const campaign = { campaignId: ctx.store.nextId('C'), name, createdOn: grDate(ctx.now) };
  ctx.store.campaigns.set(campaign.campaignId, campaign);
  return { status: 201, body: campaignView(ctx.baseUrl, campaign) };
}

export const accountRoutes = [
  route<ApiHandler>('GET', '/accounts', () => ({
    body: { accountId: 'acc1', email: 'owner@example.cz', firstName: 'Sandbox', lastName: 'Owner', companyName: 'Sandbox s.r.o.', countryCode: { countryCodeId: '55', countryCode: 'CZ' } },
  })),
  route<ApiHandler>('GET', '/campaigns', (ctx) => paged(ctx, [...ctx.store.campaigns.values()].map((campaign) => campaignView(ctx.baseUrl, campaign)))),
  route<ApiHandler>('GET', '/campaigns/:id', (ctx) => {
    const campaign = ctx.store.campaigns.get(ctx.params.id);
    if (!campaign) throw notFound('Campaign');
    return { body: campaignView(ctx.baseUrl, campaign) };
  }),
  route<ApiHandler>('POST', '/campaigns', createCampaign),
];
