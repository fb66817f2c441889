/** The part of @sinonjs/fake-timers (10.x ships no types) the Zapier child uses. */
declare module '@sinonjs/fake-timers' {
  export function install(config: { now?: number | Date; toFake?: string[] }): { uninstall(): void };
}
