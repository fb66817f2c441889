import type { Destination, DestinationName } from '@ecomail-bridge/shared/node';

/** Where one run writes, as every import command sees it, whichever marketing system it is. */
export interface RunDestination {
  name: DestinationName;
  /** Absent in a dry run: nothing is sent. */
  destination?: Destination;
  /** The list (Ecomail) or campaign (GetResponse) id the job writes into; '' for SALESmanago, which has no lists. */
  target: string;
  /** What a dry run refuses, the destination's own rules; no credential needed. */
  validator: Pick<Destination, 'validate'>;
  /** For the summary: "Ecomail list 7", "GetResponse campaign V8aBc", "SALESmanago". */
  label: string;
  /** For messages: "Ecomail", "GetResponse", "SALESmanago". */
  system: string;
  /** Records per batch (one job call, one checkpoint commit). */
  batchSize: number;
  /** The most contacts one run may take, when the destination has a cap of its own. */
  maxPerRun?: number;
  /** Whether an error means the credential was refused (exit 3). */
  isAuthError(error: unknown): boolean;
}
