import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateInstrumentBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  ImportInstrumentBodySchema,
  ImportInstrumentResultSchema,
  InstrumentExportQuerySchema,
  InstrumentSchema,
  InstrumentVersionParamsSchema,
  InstrumentVersionSchema,
  InstrumentVersionSummarySchema,
  SaveVersionBodySchema,
  UpdateInstrumentBodySchema,
  InstrumentDefinitionSchema,
} from '@alongside/contracts';
import { sendFile } from '../../lib/files.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { InstrumentsService } from './instruments.service.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['instruments'];

export const instrumentsRoutes: FastifyPluginAsyncZod<{ instruments: InstrumentsService }> = async (app, { instruments }) => {
  app.get(
    '/api/instruments',
    { schema: { tags, summary: 'The shared instrument library', response: { 200: z.array(InstrumentSchema), ...errors } } },
    async (request) => instruments.list(requireActor(request)),
  );
  app.post(
    '/api/instruments',
    { schema: { tags, summary: 'Add an instrument from a definition', body: CreateInstrumentBodySchema, response: { 201: InstrumentSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await instruments.create(requireActor(request), request.body)),
  );
  app.post(
    '/api/instruments/import',
    {
      // A dictionary, form or Questionnaire, base64-encoded; the importer refuses files over its own limit clearly.
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import an instrument file (own JSON, FHIR Questionnaire, REDCap dictionary, XLSForm): what could not be mapped is listed',
        body: ImportInstrumentBodySchema,
        response: { 201: ImportInstrumentResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { content, ...rest } = request.body;
      return reply.status(201).send(await instruments.importFile(requireActor(request), { ...rest, content: Buffer.from(content, 'base64') }));
    },
  );
  app.get(
    '/api/instruments/:id',
    { schema: { tags, summary: 'One instrument', params: IdParamsSchema, response: { 200: InstrumentSchema, ...errors } } },
    async (request) => instruments.get(requireActor(request), request.params.id),
  );
  app.patch(
    '/api/instruments/:id',
    { schema: { tags, summary: 'Rename, or record the licence and permission', params: IdParamsSchema, body: UpdateInstrumentBodySchema, response: { 200: InstrumentSchema, ...errors } } },
    async (request) => instruments.update(requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/instruments/:id/versions',
    { schema: { tags, summary: 'Versions of an instrument', params: IdParamsSchema, response: { 200: z.array(InstrumentVersionSummarySchema), ...errors } } },
    async (request) => instruments.listVersions(requireActor(request), request.params.id),
  );
  app.post(
    '/api/instruments/:id/versions',
    { schema: { tags, summary: 'Save changes as a new version', params: IdParamsSchema, body: SaveVersionBodySchema, response: { 201: InstrumentVersionSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await instruments.saveVersion(requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/instruments/:id/versions/:number',
    { schema: { tags, summary: 'One version with its definition', params: InstrumentVersionParamsSchema, response: { 200: InstrumentVersionSchema, ...errors } } },
    async (request) => instruments.getVersion(requireActor(request), request.params.id, request.params.number),
  );
  app.put(
    '/api/instruments/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'Edit a version nobody has answered yet (409 instrument_locked once it has a response)',
        params: InstrumentVersionParamsSchema,
        body: z.object({ definition: InstrumentDefinitionSchema }),
        response: { 200: InstrumentVersionSchema, ...errors },
      },
    },
    async (request) => instruments.updateVersion(requireActor(request), request.params.id, request.params.number, request.body),
  );
  app.get(
    '/api/instruments/:id/export',
    {
      schema: {
        tags,
        summary: 'Download a version as own JSON, FHIR R4 Questionnaire, REDCap data dictionary or XLSForm',
        params: IdParamsSchema,
        querystring: InstrumentExportQuerySchema,
        response: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } }, ...errors },
      },
    },
    async (request, reply) => {
      return sendFile(reply, await instruments.exportFile(requireActor(request), request.params.id, request.query));
    },
  );
};
