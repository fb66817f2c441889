import { accountRoutes } from './account';
import { catalogueRoutes } from './catalogue';
import { contactRoutes } from './contacts';
import { importRoutes } from './imports';

/** Every GetResponse API route the sandbox answers, relative to /v3. */
export const apiRoutes = [...accountRoutes, ...catalogueRoutes, ...contactRoutes, ...importRoutes];
