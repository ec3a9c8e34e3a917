import { useEffect, useRef, useState } from "preact/hooks";

/**
 * Loads one page of something whenever `deps` change, keeping only the newest answer (a slow older request
 * never overwrites a newer one). `reload()` asks again with the same arguments.
 */
export function usePage<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState("");
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setError("");
    load().then(
      (value) => mine === seq.current && setData(value),
      (failure: Error) => mine === seq.current && setError(failure.message),
    );
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}
