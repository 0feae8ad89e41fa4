/** The headers of every JSON answer of the API: never cached (answers are per caller and tenant). */
export const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
