/**
 * Builds DynamoDB update, condition and filter expressions with every attribute name and value as a
 * placeholder, so reserved words (`status`, `data`, `note`) need no special care. One builder per
 * request: its `names` and `values` belong together.
 *
 * @example
 * const x = new ExpressionBuilder();
 * const update = x.update({ status: 'done' }, ['completedAt']); // 'SET #n0 = :v0 REMOVE #n1'
 * const condition = x.unchanged({ status: 'open' }, ['status']); // '#n0 = :v1'
 * client.send(new UpdateCommand({ ..., UpdateExpression: update, ConditionExpression: condition, ...x.placeholders() }));
 */
export class ExpressionBuilder {
  private readonly names = new Map<string, string>();
  private readonly values: Record<string, unknown> = {};
  private valueCount = 0;

  /** The placeholder of an attribute name. */
  name(attribute: string): string {
    let placeholder = this.names.get(attribute);
    if (placeholder === undefined) {
      placeholder = `#n${this.names.size}`;
      this.names.set(attribute, placeholder);
    }
    return placeholder;
  }

  /** The placeholder of a value. */
  value(value: unknown): string {
    const placeholder = `:v${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** `SET a = …, b = … REMOVE c`: attributes whose value is `undefined` are removed. */
  update(set: Readonly<Record<string, unknown>>, remove: readonly string[] = []): string {
    const entries = Object.entries(set);
    const assignments = entries.filter(([, v]) => v !== undefined).map(([attribute, v]) => `${this.name(attribute)} = ${this.value(v)}`);
    const removals = [...remove, ...entries.filter(([, v]) => v === undefined).map(([attribute]) => attribute)].map((a) => this.name(a));
    return [assignments.length > 0 ? `SET ${assignments.join(', ')}` : '', removals.length > 0 ? `REMOVE ${removals.join(', ')}` : '']
      .filter(Boolean)
      .join(' ');
  }

  /** A condition that the item still holds `current`'s values of `attributes` (absent stays absent). */
  unchanged(current: Readonly<Record<string, unknown>>, attributes: readonly string[]): string {
    return attributes
      .map((attribute) => {
        const v = current[attribute];
        return v === undefined ? `attribute_not_exists(${this.name(attribute)})` : `${this.name(attribute)} = ${this.value(v)}`;
      })
      .join(' AND ');
  }

  /** `a IN (…) AND b IN (…)` for every attribute with a non-empty list; `undefined` when none. */
  anyOf(wanted: Readonly<Record<string, readonly unknown[] | undefined>>): string | undefined {
    const clauses = Object.entries(wanted)
      .filter((entry): entry is [string, readonly unknown[]] => entry[1] !== undefined && entry[1].length > 0)
      .map(([attribute, values]) => `${this.name(attribute)} IN (${values.map((v) => this.value(v)).join(', ')})`);
    return clauses.length > 0 ? clauses.join(' AND ') : undefined;
  }

  /** The `ExpressionAttributeNames` / `ExpressionAttributeValues` to send (omitted when empty: DynamoDB rejects empty maps). */
  placeholders(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } {
    return {
      ...(this.names.size > 0 ? { ExpressionAttributeNames: Object.fromEntries([...this.names].map(([attribute, p]) => [p, attribute])) } : {}),
      ...(this.valueCount > 0 ? { ExpressionAttributeValues: { ...this.values } } : {}),
    };
  }
}
