export type {
  ContactWrite,
  ContactWritePlan,
  ContactWriteResult,
  Destination,
  DestinationName,
  OrderOutcome,
  SaveOutcome,
  TrackedEvent,
} from './port';
export { destinationOf, isDestination, type DestinationInput } from './resolve';
