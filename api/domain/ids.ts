/** Random identifiers from WebCrypto (works on Node and Workers). */
export function newId(): string {
  return crypto.randomUUID();
}
