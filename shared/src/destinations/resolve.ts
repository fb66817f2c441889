import { EcomailClient } from '../ecomail/client';
import { ecomailDestination } from '../ecomail/destination';
import type { ContactDirectory } from '../jobs/contact-directory';
import type { Destination } from './port';

/** What a job accepts: a destination, or an Ecomail client (the product's first destination). */
export type DestinationInput = EcomailClient | Destination;

export function isDestination(value: DestinationInput): value is Destination {
  return !(value instanceof EcomailClient);
}

/** The destination behind a job's first argument; an Ecomail client shares the run's directory. */
export function destinationOf(value: DestinationInput, directory?: ContactDirectory): Destination {
  return isDestination(value) ? value : ecomailDestination(value, { directory });
}
