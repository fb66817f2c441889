/**
 * The core's entry for plain Node (CLI, benchmarks, tests): everything the platform-free entry
 * exports, plus the adapters that need Node itself. The n8n bundle never imports this file.
 */
export * from '../index';
export { createAxiosTransport, type AxiosTransportOptions } from './axios-transport';
export { createNodeRuntime, nodeSleep } from './runtime';
