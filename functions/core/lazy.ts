/**
 * `make`'s value, made on the first call and kept: for work a cold start should not pay unless the
 * invocation needs it (SDK clients, tool schemas, compiled lexicons).
 *
 * @example
 * ```ts
 * const client = lazy(() => new SFNClient({ region }));
 * client().send(command);
 * ```
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
