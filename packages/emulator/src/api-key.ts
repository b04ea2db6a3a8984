/**
 * The key as new-api looks it up: `Bearer ` and a leading `sk-` stripped
 * (middleware/auth.go `TokenAuth`). Shared by the HTTP routes and the realtime upgrade.
 */
export function normaliseKey(key: string): string {
  return key
    .replace(/^Bearer\s+/i, '')
    .trim()
    .replace(/^sk-/, '');
}
