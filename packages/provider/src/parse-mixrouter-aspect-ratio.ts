/**
 * Parses an aspect ratio — `W:H`, `WxH` (also `×` or `*`, spaces allowed, decimals such
 * as `2.39:1`) — into a positive width ÷ height; undefined when malformed. The one parser
 * for image and video requests. Anchored, on short user input: no backtracking risk.
 */
export function parseMixRouterAspectRatio(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*[:x×*]\s*(\d+(?:\.\d+)?)\s*$/i.exec(value);
  if (match === null) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (!(width > 0) || !(height > 0)) return undefined;
  const ratio = width / height;
  return Number.isFinite(ratio) && ratio > 0 ? ratio : undefined;
}
