import { digestOf } from '../model/digest.js';
import type { ServiceSpec } from '../model/types.js';

/** What a service is, independent of where its files live: moving a file changes nothing. */
export function specDigest(spec: ServiceSpec): string {
  const { files: _files, ...content } = spec;
  return digestOf(content);
}
