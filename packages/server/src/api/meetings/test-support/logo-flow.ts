import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config.js';
import { freePort } from '../../../free-port.js';
import type { Theme } from '../../../themes/theme.js';
import { startMeetingsHarness, type MeetingsHarness } from './meetings-harness.js';

/** An upload target as `GET /themes/logos-upload-urls` answers it. */
export interface UploadTarget {
  url: string;
  fields: Record<string, string>;
}

/**
 * The Meetings harness listening on a real port that its public URL names, so upload targets point at
 * it and are posted to over HTTP, as SDKs do.
 */
export interface LogoFlowHarness extends MeetingsHarness {
  /** `GET /v1/meetings/themes/logos-upload-urls` as the harness application. */
  targets(): Promise<UploadTarget[]>;
  /** Every file in the logo store, relative to it, with its bytes: proof of what a request changed. */
  logoFiles(): Record<string, string>;
}

/** `config` overrides settings as for `startMeetingsHarness`; the public URL is always the harness's own. */
export async function startLogoFlowHarness(options: { config?: Partial<Config> } = {}): Promise<LogoFlowHarness> {
  const port = await freePort();
  const h = await startMeetingsHarness({ config: { ...options.config, publicUrl: `http://127.0.0.1:${port}` } });
  await h.app.listen({ host: '127.0.0.1', port });
  const logosDir = path.join(h.services.config.dataDir, 'logos');
  return Object.assign(h, {
    async targets() {
      const response = await h.call('GET', '/v1/meetings/themes/logos-upload-urls');
      assert.equal(response.statusCode, 200, response.body);
      return response.json<UploadTarget[]>();
    },
    logoFiles() {
      const files: Record<string, string> = {};
      if (!fs.existsSync(logosDir)) return files;
      for (const entry of fs.readdirSync(logosDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        files[path.relative(logosDir, file)] = fs.readFileSync(file).toString('base64');
      }
      return files;
    },
  });
}

export function targetFor(targets: UploadTarget[], logoType: string): UploadTarget {
  const target = targets.find((candidate) => candidate.fields.logoType === logoType);
  assert.ok(target, `no ${logoType} target among ${JSON.stringify(targets)}`);
  return target;
}

export interface UploadOptions {
  /** Replaces the target's fields (order kept, new names appended). */
  fields?: Record<string, string>;
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
}

/** A correct upload, as any multipart client sends it: the fields in order, then the file. */
export async function upload(target: UploadTarget, file: Buffer, options: UploadOptions = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...target.fields, ...options.fields })) form.append(name, value);
  form.append('file', new Blob([file], { type: 'image/png' }), 'logo.png');
  return fetch(target.url, { method: options.method ?? 'POST', body: form, ...(options.headers ? { headers: options.headers } : {}) });
}

/** Uploads a file and expects the upload target's success: 204 with nothing in the body. */
export async function uploadOk(target: UploadTarget, file: Buffer): Promise<void> {
  const response = await upload(target, file);
  assert.equal(response.status, 204, await response.text());
}

/** A theme of the application, written straight to the database (the themes API is not under test). */
export async function insertTheme(h: MeetingsHarness, applicationId = h.application.id, fields: Partial<Theme> = {}): Promise<Theme> {
  const id = randomUUID();
  return h.services.themes.insert({
    id,
    applicationId,
    name: `theme ${id}`,
    domain: 'VCP',
    mainColor: '#12f64e',
    brandText: 'Brand',
    shortCompanyUrl: null,
    logos: { white: null, colored: null, favicon: null },
    createdAt: h.clock.now().toISOString(),
    ...fields,
  });
}
