import { useRef, useState } from 'react';
import { isTransportError, newIdempotencyKey, toastError } from '../api';

/**
 * Runs one user intent against a mutating action: one idempotency key per `slot` (kept after a
 * transport failure, so the retry replays instead of acting twice), a busy flag, and a toast for every
 * error code. Resolves with the answer, or undefined when it failed.
 */
export function useSubmit() {
  const keys = useRef<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const submit = async <T>(slot: string, run: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> => {
    const key = (keys.current[slot] ??= newIdempotencyKey());
    setBusy(slot);
    try {
      const answer = await run(key);
      delete keys.current[slot];
      return answer;
    } catch (err) {
      if (!isTransportError(err)) delete keys.current[slot];
      toastError(err);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, submit };
}
