/** A small multipart/form-data parser (enough for image edits and transcriptions). */

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartResult {
  fields: Record<string, string | string[]>;
  files: MultipartFile[];
}

export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = contentType.match(/boundary=(?:"([^"]+)"|([^;]+))/i);
  return m ? (m[1] ?? m[2]).trim() : undefined;
}

function dispositionParam(disposition: string, name: string): string | undefined {
  const star = disposition.match(new RegExp(`${name}\\*=(?:UTF-8'[^']*')?([^;]+)`, 'i'));
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const quoted = disposition.match(new RegExp(`(?:^|;)\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i'));
  if (quoted) return quoted[1].replace(/\\(.)/g, '$1');
  const bare = disposition.match(new RegExp(`(?:^|;)\\s*${name}=([^;]+)`, 'i'));
  return bare ? bare[1].trim() : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const result: MultipartResult = { fields: {}, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  const separator = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart boundary not found');
  pos += delimiter.length;
  while (pos < body.length) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new Error('malformed multipart part headers');
    const headers: Record<string, string> = {};
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0)
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = body.indexOf(separator, headerEnd + 4);
    if (next < 0) throw new Error('unterminated multipart part');
    const data = body.subarray(headerEnd + 4, next);
    const disposition = headers['content-disposition'] ?? '';
    const field = dispositionParam(disposition, 'name') ?? '';
    const filename = dispositionParam(disposition, 'filename');
    if (filename !== undefined) {
      result.files.push({
        field,
        filename,
        contentType: headers['content-type'] ?? 'application/octet-stream',
        data: Buffer.from(data),
      });
    } else {
      const value = data.toString('utf8');
      const existing = result.fields[field];
      if (existing === undefined) result.fields[field] = value;
      else result.fields[field] = [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    pos = next + separator.length;
  }
  return result;
}

/** The first value of a multipart field. */
export function fieldValue(mp: MultipartResult, name: string): string | undefined {
  const v = mp.fields[name];
  return Array.isArray(v) ? v[0] : v;
}

/** What the recorder keeps of a multipart body (no file bytes). */
export function summarizeMultipart(mp: MultipartResult): unknown {
  return {
    fields: mp.fields,
    files: mp.files.map((f) => ({
      field: f.field,
      filename: f.filename,
      contentType: f.contentType,
      size: f.data.length,
    })),
  };
}
