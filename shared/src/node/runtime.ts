import type { Runtime, Sleep } from '../ports';
import { systemClock } from '../ports';
import { createAxiosTransport, type AxiosTransportOptions } from './axios-transport';

export const nodeSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Transport, sleep and clock for plain Node (CLI, benchmarks, tests). */
export function createNodeRuntime(options: AxiosTransportOptions = {}): Required<Runtime> {
  return { transport: createAxiosTransport(options), sleep: nodeSleep, now: systemClock };
}
