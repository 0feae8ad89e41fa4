/**
 * aws-local-stepfunctions 3.0.0 calls `Promise.withResolvers` (Node 22+). On Node 20 every Task
 * would fail with a TypeError — and a `Catch: States.ALL` would hide it — so it is polyfilled
 * before the interpreter is loaded (STACK.md).
 */
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
export {};
