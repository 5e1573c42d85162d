/** Runs of a job one after the other: a run asked for while one is in progress starts after it. */
export interface SerialRunner<A extends unknown[], T> {
  run(...args: A): Promise<T>;
  /** The run in progress, if any (to wait for it when stopping). */
  current(): Promise<T> | undefined;
}

export function serialRunner<A extends unknown[], T>(pass: (...args: A) => Promise<T>): SerialRunner<A, T> {
  let running: Promise<T> | undefined;
  return {
    run(...args) {
      const current = (running ?? Promise.resolve()).then(() => pass(...args));
      running = current;
      void current.finally(() => {
        if (running === current) running = undefined;
      });
      return current;
    },
    current: () => running,
  };
}
