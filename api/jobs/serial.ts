/** Runs of a job one after the other: a run asked for while one is in progress starts after it. */
export interface SerialRunner<T> {
  run(): Promise<T>;
  /** The run in progress, if any (to wait for it when stopping). */
  current(): Promise<T> | undefined;
}

export function serialRunner<T>(pass: () => Promise<T>): SerialRunner<T> {
  let running: Promise<T> | undefined;
  return {
    run() {
      const current = (running ?? Promise.resolve()).then(pass);
      running = current;
      void current.finally(() => {
        if (running === current) running = undefined;
      });
      return current;
    },
    current: () => running,
  };
}
