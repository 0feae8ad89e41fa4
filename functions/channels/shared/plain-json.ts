/**
 * A deep copy without `undefined` members: metadata built from optional vendor fields must not
 * carry `undefined` (the DynamoDB document marshaller rejects it unless told otherwise).
 */
export function plainJson<T extends Record<string, unknown>>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
