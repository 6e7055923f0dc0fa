import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Services } from '../../services.js';
import { LogoUploads, type ReceivedUpload } from '../../themes/logo-uploads.js';
import { LogoUploadRefusal } from '../../themes/logo-upload-refusal.js';
import { MAX_LOGO_BYTES } from '../../themes/logo-validation.js';
import { sendS3Error } from './s3-error-xml.js';

/** Where the upload targets of `GET /themes/logos-upload-urls` point. */
export const LOGO_UPLOAD_PATH = '/uploads/logos';

/** Read a little past the limit, so a file just over it is measured and refused by name. */
const FILE_READ_LIMIT = MAX_LOGO_BYTES + 64 * 1024;

/** A non-multipart body this short and printable is quoted back to the caller. */
const QUOTED_BODY_MAX = 80;

export interface LogoUploadRouteOptions {
  services: Services;
}

/**
 * Step 2 of Vonage's logo upload flow: the upload target, Parley's stand-in for an S3 presigned POST.
 * The signed policy in the form is the credential, so there is no API authentication here: Java and
 * Ruby send none, and the Authorization header the Node SDK adds is ignored. PHP sends PUT.
 */
export async function logoUploadRoute(app: FastifyInstance, options: LogoUploadRouteOptions): Promise<void> {
  const uploads = new LogoUploads(options.services);
  // Only this route reads multipart bodies, and it reads nothing else: any other body is kept, within
  // the limit, to tell the caller what arrived instead.
  app.removeAllContentTypeParsers();
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    isPartAFile: (fieldName) => fieldName === 'file',
    limits: { files: 1, fileSize: FILE_READ_LIMIT, fields: 20, parts: 21, fieldSize: 8 * 1024 },
  });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: FILE_READ_LIMIT }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => sendS3Error(request, reply, error));

  app.route({
    method: ['POST', 'PUT'],
    url: LOGO_UPLOAD_PATH,
    schema: {
      summary: 'Upload a logo to an upload target',
      description:
        'A `multipart/form-data` body: every field of a target from `GET /themes/logos-upload-urls`, in the order given, then the ' +
        'PNG in a part named `file`. 204 on success; refusals are S3-style XML `<Error><Code/><Message/></Error>`.',
      tags: ['Themes'],
      response: { 204: Type.Null({ description: 'The file is stored under its key, ready to be finalized on a theme.' }) },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw notMultipart(request);
      await uploads.receive(await readForm(request));
      return reply.code(204).send();
    },
  });
}

/**
 * The fields before the file, and the file. As S3 does, fields after the file are ignored: a client
 * that sends the file first finds its key missing, and is told to check the order.
 */
async function readForm(request: FastifyRequest): Promise<ReceivedUpload> {
  const fields = new Map<string, string>();
  let file: ReceivedUpload['file'];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        file = await readFile(part);
        continue;
      }
      if (file) continue;
      const name = part.fieldname.toLowerCase();
      if (fields.has(name)) throw new LogoUploadRefusal('invalid_argument', `The form field '${part.fieldname}' appears more than once.`);
      fields.set(name, String(part.value));
    }
  } catch (error) {
    throw formRefusal(error, request);
  }
  return { fields, file };
}

async function readFile(part: MultipartFile): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), truncated: part.file.truncated };
}

/** What went wrong while reading the form, as the refusal a client can act on. */
function formRefusal(error: unknown, request: FastifyRequest): LogoUploadRefusal {
  if (error instanceof LogoUploadRefusal) return error;
  const { FilesLimitError, FieldsLimitError, PartsLimitError, PrototypeViolationError } = request.server.multipartErrors;
  if (error instanceof FilesLimitError) return LogoUploadRefusal.fileCount();
  if (error instanceof FieldsLimitError || error instanceof PartsLimitError) {
    return new LogoUploadRefusal('invalid_argument', 'The form has more fields than an upload target: send its fields and the file, nothing else.');
  }
  if (error instanceof PrototypeViolationError) return new LogoUploadRefusal('invalid_argument', 'The form has a field name that is not allowed.');
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new LogoUploadRefusal('malformed_upload', `The body of your POST request is not well-formed multipart/form-data${detail}.`);
}

/**
 * The refusal of a body that is not multipart at all, naming what arrived. The official Node SDK's
 * `uploadIcon` sends exactly this (the text `[object FormData]`, or nothing) and shows the caller this
 * message, so it says what a correct upload is.
 */
function notMultipart(request: FastifyRequest): LogoUploadRefusal {
  const contentType = request.headers['content-type'];
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const what = contentType ? `Content-Type ${contentType}` : 'no Content-Type';
  let arrived = body.length === 0 ? `it arrived empty, with ${what}` : `it arrived as ${body.length} bytes with ${what}`;
  const text = body.toString('latin1');
  if (body.length > 0 && body.length <= QUOTED_BODY_MAX && /^[\x20-\x7e]+$/.test(text)) arrived += `: "${text}"`;
  return new LogoUploadRefusal(
    'malformed_upload',
    `The body is not a multipart/form-data upload: ${arrived}. ` +
      'An upload is a multipart/form-data POST (or PUT) of every field of the upload target, in the order given, then the PNG in a part named "file". ' +
      'The @vonage/meetings Node SDK cannot send one (its uploadIcon posts "[object FormData]" or nothing): ' +
      'upload the file with any multipart client, then call PUT /v1/meetings/themes/<theme_id>/finalizeLogos with its key.',
  );
}
