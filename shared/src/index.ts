/**
 * The one public face of the platform-free core. Nothing reachable from here imports a platform,
 * a Node built-in, timers or `process`: the n8n package bundles it as it is.
 */
export * from './ports';
export * from './http';
export * from './ecomail';
export * from './locale';
export * from './goout';
export * from './idosell';
export * from './ellity';
export * from './getresponse';
export * from './mapping';
export * from './jobs';
export * from './destinations';
export * from './salesmanago';
export * from './deliveries';
