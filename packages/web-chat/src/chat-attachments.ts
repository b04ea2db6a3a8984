import type { FileUIPart } from 'ai';
import type { ModelCapabilities } from './web-chat-types';

/** The `accept` list for the file input, from what the model takes ('' = nothing). */
export function acceptedFileTypes(capabilities: ModelCapabilities | undefined): string {
  if (!capabilities) return '';
  const types: string[] = [];
  if (capabilities.images) types.push('image/*');
  if (capabilities.pdf) types.push('application/pdf');
  if (capabilities.audio) types.push('audio/*');
  return types.join(',');
}

/** Whether a media type matches the `accept` list (`image/*` style wildcards). */
export function mediaTypeIsAccepted(mediaType: string, accept: string): boolean {
  return accept
    .split(',')
    .filter(Boolean)
    .some((pattern) =>
      pattern.endsWith('/*') ? mediaType.startsWith(pattern.slice(0, -1)) : mediaType === pattern,
    );
}

/** Reads a picked file into a data-URL file part, as `useChat` sends files. */
export function readFileAsPart(file: File): Promise<FileUIPart> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        type: 'file',
        mediaType: file.type || 'application/octet-stream',
        filename: file.name,
        url: String(reader.result),
      });
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
