/**
 * Splits a `data:<type>;base64,<data>` URL. Returns undefined for anything else
 * (including non-base64 data URLs, which no image endpoint produces).
 */
export function decodeImageDataUrl(
  value: string,
): { mediaType: string | undefined; base64: string } | undefined {
  const match = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is.exec(value.trim());
  if (match === null) return undefined;
  return { mediaType: match[1] || undefined, base64: match[2].replace(/\s/g, '') };
}
