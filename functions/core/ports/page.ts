/** One page of a list; pass `nextCursor` back as `cursor` for the next page (`null` = no more). */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}
