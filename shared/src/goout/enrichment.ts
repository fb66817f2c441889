/**
 * Schedule → event and venue lookups for a set of sales, fetched in batches (≤ 48 schedules,
 * ≤ 25 events or venues per call) and kept in LRU caches so a long backfill neither refetches
 * nor grows without bound. An id GoOut does not return is cached as missing (null).
 */
import {
  ENTITY_BATCH_SIZE,
  GOOUT_PATHS,
  SCHEDULE_BATCH_SIZE,
  idsQuery,
  readEvents,
  readSchedules,
  readVenues,
  type EventInfo,
  type ScheduleInfo,
  type VenueInfo,
} from './assumed-contract';
import type { GoOutClient } from './client';
import { LruCache } from './lru-cache';

export class GoOutEnrichment {
  private readonly schedules: LruCache<string, ScheduleInfo | null>;
  private readonly events: LruCache<string, EventInfo | null>;
  private readonly venues: LruCache<string, VenueInfo | null>;

  constructor(
    private readonly client: GoOutClient,
    cacheSize = 2_000,
  ) {
    // A sales page needs up to 50 schedules at once; a smaller cache would evict them mid-page.
    cacheSize = Math.max(cacheSize, 200);
    this.schedules = new LruCache(cacheSize);
    this.events = new LruCache(cacheSize);
    this.venues = new LruCache(cacheSize);
  }

  /** Makes sure these schedules, and their events and venues, are cached. */
  async prefetch(scheduleIds: readonly string[]): Promise<void> {
    await this.load(scheduleIds, this.schedules, SCHEDULE_BATCH_SIZE, GOOUT_PATHS.schedules, readSchedules);
    const eventIds: string[] = [];
    const venueIds: string[] = [];
    for (const id of new Set(scheduleIds)) {
      const schedule = this.schedules.get(id);
      if (schedule?.eventId) eventIds.push(schedule.eventId);
      if (schedule?.venueId) venueIds.push(schedule.venueId);
    }
    await this.load(eventIds, this.events, ENTITY_BATCH_SIZE, GOOUT_PATHS.events, readEvents);
    await this.load(venueIds, this.venues, ENTITY_BATCH_SIZE, GOOUT_PATHS.venues, readVenues);
  }

  /** Cached schedule, event and venue of one schedule id (nulls when unknown). */
  lookup(scheduleId: string | null): { schedule: ScheduleInfo | null; event: EventInfo | null; venue: VenueInfo | null } {
    const schedule = scheduleId ? (this.schedules.get(scheduleId) ?? null) : null;
    return {
      schedule,
      event: schedule?.eventId ? (this.events.get(schedule.eventId) ?? null) : null,
      venue: schedule?.venueId ? (this.venues.get(schedule.venueId) ?? null) : null,
    };
  }

  private async load<T extends { id: string }>(
    ids: Iterable<string>,
    cache: LruCache<string, T | null>,
    batchSize: number,
    path: string,
    read: (body: unknown) => T[],
  ): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !cache.has(id));
    for (let i = 0; i < missing.length; i += batchSize) {
      const batch = missing.slice(i, i + batchSize);
      const found = new Map(read(await this.client.get(path, idsQuery(batch))).map((item) => [item.id, item]));
      for (const id of batch) cache.set(id, found.get(id) ?? null);
    }
  }
}
