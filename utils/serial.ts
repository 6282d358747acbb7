// One job at a time, in call order; a failed job never blocks the next. The
// background's owners of settings and of browser sync both need this.
export function serial(): <T>(job: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (job) => {
    const next = queue.then(job, job);
    queue = next.catch(() => {});
    return next;
  };
}
