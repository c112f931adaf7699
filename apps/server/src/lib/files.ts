import type { FastifyReply } from 'fastify';

/** A file a route sends for download. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/** Sends a file as an attachment. Fastify sends a Buffer as it is (no serializer runs), whatever the route's schema. */
export function sendFile(reply: FastifyReply, file: DownloadFile) {
  const ascii = file.filename.replace(/[^\w.-]/g, '_');
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
}
