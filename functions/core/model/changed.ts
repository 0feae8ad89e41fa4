/**
 * An item as it was just before a change and as the change left it — for the audit log's ids
 * before and after. `before` is read right before the change (so under a concurrent change to the
 * same item it may show the state just before that one); `null` when the item could not be read.
 */
export interface Changed<T> {
  readonly before: T | null;
  readonly after: T;
}
