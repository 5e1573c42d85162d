/** JSON list columns: NULL stays NULL (absent in d·i), [] stays [] (lossless round trip). */
export function encodeList(list: readonly string[] | null | undefined): string | null {
  return list == null ? null : JSON.stringify(list);
}

export function decodeList(text: string | null): string[] | null {
  return text == null ? null : (JSON.parse(text) as string[]);
}
