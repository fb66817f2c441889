import type { Sleep } from '@ecomail-bridge/shared';

/** The core's Sleep port for Zapier: app code (unlike the core) may use timers. */
export const zapierSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
