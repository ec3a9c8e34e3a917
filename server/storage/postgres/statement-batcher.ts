/**
 * Shares statements between calls that arrive together. Calls made in one turn of the event loop (the
 * requests read in one poll) go as one statement at the end of that turn, and up to `maxInFlight` statements
 * run at once; calls arriving meanwhile wait and go as one statement when one of those ends, so under load
 * each round trip and commit serves many calls, and a lone call still goes in the same turn, alone. Sending
 * each call at once instead let the first request after a statement ended take a free slot by itself: half
 * the statements (and commits) of a webhook flood carried one event. Calls with the same key never
 * share a statement (the later one goes in the next), so `many` never sees two rows that decide each
 * other. If a shared statement fails, each of its calls is tried alone, so a bad row fails only its caller.
 */
export function statementBatcher<In, Out>(options: {
  key: (input: In) => string;
  one: (input: In) => Promise<Out>;
  /** The results in the order of `inputs`. */
  many: (inputs: In[]) => Promise<Out[]>;
  maxInFlight: number;
  maxBatch: number;
}): (input: In) => Promise<Out> {
  interface Call {
    input: In;
    resolve: (out: Out) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Call[] = [];
  let inFlight = 0;

  const settle = (call: Call, result: Promise<Out>) => result.then(call.resolve, call.reject);

  const send = async (batch: Call[]) => {
    if (batch.length === 1) return settle(batch[0]!, options.one(batch[0]!.input));
    let outs: Out[];
    try {
      outs = await options.many(batch.map((call) => call.input));
    } catch {
      return Promise.all(batch.map((call) => settle(call, options.one(call.input))));
    }
    batch.forEach((call, i) => call.resolve(outs[i]!));
  };

  const pump = () => {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const keys = new Set<string>();
      const batch: Call[] = [];
      const later: Call[] = [];
      for (const call of waiting) {
        const key = options.key(call.input);
        if (batch.length < options.maxBatch && !keys.has(key)) {
          keys.add(key);
          batch.push(call);
        } else later.push(call);
      }
      waiting = later;
      inFlight++;
      void send(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  let pumpQueued = false;
  const pumpAtTurnEnd = () => {
    pumpQueued = false;
    pump();
  };

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (pumpQueued) return;
      pumpQueued = true;
      setImmediate(pumpAtTurnEnd);
    });
}
