/**
 * The idempotency key of "create task" for one action-plan item of one report: the same report and
 * item always give the same key, so a double click (or a retry after a lost answer) makes one task.
 * FNV-1a keeps the key short whatever the item's length. Pure.
 */
export function actionTaskKey(reportId: string, item: string): string {
  let hash = 0x811c9dc5;
  for (const char of item.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `report:${reportId}:${hash.toString(16).padStart(8, '0')}`;
}
