import type { LogoType, LogoUploadTarget } from './wire/theme-json.js';

/** The target handed out for one logo type; the API hands out one per type on every request. */
export function uploadTargetFor(targets: readonly LogoUploadTarget[], logoType: LogoType): LogoUploadTarget {
  const target = targets.find((candidate) => candidate.fields.logoType === logoType);
  if (!target) throw new Error(`The server offered no upload target for "${logoType}" logos (it offered: ${targets.map((t) => t.fields.logoType).join(', ') || 'none'})`);
  return target;
}

/**
 * The multipart form of an upload, as S3-style targets require it: every field of the target in the
 * order given (the policy signs them), then the file last.
 */
export function logoUploadForm(target: LogoUploadTarget, logoType: LogoType, png: Uint8Array): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append('file', new Blob([png], { type: 'image/png' }), `${logoType}.png`);
  return form;
}
