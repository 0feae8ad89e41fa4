/**
 * The part of the Web Storage API the console uses (`localStorage`, `sessionStorage`), declared here
 * so the modules that take it also compile and run in Node tests with a Map-backed stand-in.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
