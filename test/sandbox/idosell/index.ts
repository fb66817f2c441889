export { startIdoSellSandbox, type IdoSellFaults, type IdoSellLoggedRequest, type IdoSellSandbox, type IdoSellSandboxOptions } from './server';
export { IdoSellDataset, SHOPS, type SandboxClient, type SandboxOrder, type SandboxSubscriber } from './dataset';
export { CATEGORIES, PRODUCTS, categoryPath } from './catalogue';
