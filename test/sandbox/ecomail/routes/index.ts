import { eventRoutes } from './events';
import { listRoutes } from './lists';
import { memberRoutes } from './members';
import { pipelineRoutes } from './pipelines';
import { subscriberRoutes } from './subscribers';
import { transactionRoutes } from './transactions';

/** Every Ecomail API route the sandbox answers (paths relative to the API base URL). */
export const apiRoutes = [
  ...listRoutes,
  ...memberRoutes,
  ...subscriberRoutes,
  ...eventRoutes,
  ...transactionRoutes,
  ...pipelineRoutes,
];
