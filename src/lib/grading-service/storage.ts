import { log } from '../log.ts';
import { openStorage, type Storage } from '../storage/index.ts';

let opening: Promise<Storage> | undefined;

/** Return the process-wide storage, opening it and applying migrations on the first call. */
export function getStorage(): Promise<Storage> {
  if (opening === undefined) {
    opening = openStorage().then(
      (storage) => {
        log.info({ backend: storage.kind }, 'storage opened');
        return storage;
      },
      (error: unknown) => {
        // Let the next request try again instead of caching the failure.
        opening = undefined;
        throw error;
      },
    );
  }
  return opening;
}
