import type { SharedV4Warning } from '@ai-sdk/provider';
import { parseMixRouterAspectRatio as parseRatio } from '../parse-mixrouter-aspect-ratio';
import type { MixRouterImageFamily } from './mixrouter-image-family';

/** The candidate whose ratio is closest to `ratio` (compared on a log scale). */
export function nearestByRatio<T extends string>(
  ratio: number,
  candidates: ReadonlyArray<{ ratio: number; value: T }>,
): T {
  let best = candidates[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = Math.abs(Math.log(ratio) - Math.log(candidate.ratio));
    if (distance < bestDistance - 1e-9) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best.value;
}

type RatioTable = Record<string, string>;

// dall-e-3 accepts exactly three sizes (new-api relay/helper/valid_request.go).
const DALL_E_3: RatioTable = {
  '1:1': '1024x1024',
  '16:9': '1792x1024',
  '7:4': '1792x1024',
  '9:16': '1024x1792',
  '4:7': '1024x1792',
};
const DALL_E_2: RatioTable = { '1:1': '1024x1024' };
const GPT_IMAGE: RatioTable = { '1:1': '1024x1024', '3:2': '1536x1024', '2:3': '1024x1536' };
// Qwen-image's fixed output sizes (DashScope), written with `x` like every other size.
const QWEN_IMAGE: RatioTable = {
  '1:1': '1328x1328',
  '16:9': '1664x928',
  '9:16': '928x1664',
  '4:3': '1472x1140',
  '3:4': '1140x1472',
};
// Volcengine's recommended Seedream sizes (valid for 3.0 and 4.0).
const SEEDREAM: RatioTable = {
  '1:1': '1024x1024',
  '4:3': '1152x864',
  '3:4': '864x1152',
  '16:9': '1280x720',
  '9:16': '720x1280',
  '3:2': '1248x832',
  '2:3': '832x1248',
  '21:9': '1512x648',
};
// Imagen (Gemini channel) takes the ratio itself in `size`.
const IMAGEN: RatioTable = {
  '1:1': '1:1',
  '3:4': '3:4',
  '4:3': '4:3',
  '9:16': '9:16',
  '16:9': '16:9',
};

const TABLES: Partial<Record<MixRouterImageFamily, RatioTable>> = {
  'dall-e-3': DALL_E_3,
  'dall-e-2': DALL_E_2,
  'gpt-image': GPT_IMAGE,
  'qwen-image': QWEN_IMAGE,
  seedream: SEEDREAM,
  imagen: IMAGEN,
};

function tableCandidates(table: RatioTable) {
  return Object.entries(table).map(([ratio, value]) => ({
    ratio: parseRatio(ratio) as number,
    value,
  }));
}

/**
 * Maps the call's `size` / `aspectRatio` to the request fields of `/images/*` for a
 * family. `size` always wins and is sent as given. An aspect ratio becomes a size the
 * family accepts (exact table match, else the nearest one plus a `compatibility`
 * warning); flux takes the ratio itself as `aspect_ratio`; families with no known
 * mapping get an `unsupported` warning.
 */
export function mapMixRouterImageSize({
  family,
  modelId,
  size,
  aspectRatio,
  warnings,
}: {
  family: MixRouterImageFamily;
  modelId: string;
  size: string | undefined;
  aspectRatio: string | undefined;
  warnings: SharedV4Warning[];
}): { size?: string; aspect_ratio?: string } {
  if (size !== undefined) {
    if (aspectRatio !== undefined) {
      warnings.push({
        type: 'unsupported',
        feature: 'aspectRatio',
        details: `Both size and aspectRatio were given; size ${size} is used and aspectRatio ${aspectRatio} is ignored.`,
      });
    }
    return { size };
  }
  if (aspectRatio === undefined) return {};

  const ratio = parseRatio(aspectRatio);
  if (ratio === undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'aspectRatio',
      details: `Aspect ratio "${aspectRatio}" is not of the form W:H and was ignored.`,
    });
    return {};
  }

  if (family === 'flux') return { aspect_ratio: aspectRatio };

  const table = TABLES[family];
  if (table === undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'aspectRatio',
      details: `${modelId} has no known aspect-ratio parameter on MixRouter; pass size instead.`,
    });
    return {};
  }

  const exact = table[aspectRatio.replace(/\s/g, '')];
  if (exact !== undefined) return { size: exact };

  const nearest = nearestByRatio(ratio, tableCandidates(table));
  warnings.push({
    type: 'compatibility',
    feature: 'aspectRatio',
    details: `${modelId} does not support aspect ratio ${aspectRatio}; the nearest supported size ${nearest} is used.`,
  });
  return { size: nearest };
}
