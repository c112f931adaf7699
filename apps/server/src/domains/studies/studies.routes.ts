import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddStudyMemberBodySchema,
  CodeParamsSchema,
  ConfirmRedactionBodySchema,
  CreateCodeBodySchema,
  CreateInformantBodySchema,
  CreateStudyBodySchema,
  ErrorBodySchema,
  IdParamsSchema,
  InformantParamsSchema,
  InformantSchema,
  SourceParamsSchema,
  SourceSchema,
  SourceSummarySchema,
  StarterCodebookBodySchema,
  StudyCodeSchema,
  StudyMemberParamsSchema,
  StudySchema,
  StudySummarySchema,
  UpdateCodeBodySchema,
  UpdateInformantBodySchema,
  UploadSourceBodySchema,
} from '@alongside/contracts';
import { requireActor } from '../../plugins/auth.ts';
import { sendFile } from '../../lib/files.ts';
import type { StudiesService } from './studies.service.ts';
import type { StudyCodes } from './study-codes.ts';
import type { StudySources } from './study-sources.ts';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['studies'];

export const studiesRoutes: FastifyPluginAsyncZod<{ studies: StudiesService; codes: StudyCodes; sources: StudySources }> = async (app, { studies, codes, sources }) => {
  app.get('/api/studies', { schema: { tags, summary: 'The case studies I am a member of, with my role', response: { 200: z.array(StudySummarySchema), ...errors } } }, async (request) =>
    studies.list(requireActor(request)),
  );
  app.post(
    '/api/studies',
    { schema: { tags, summary: 'Start a case study (researchers; I become its lead)', body: CreateStudyBodySchema, response: { 201: StudySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await studies.create(requireActor(request), request.body)),
  );
  app.get(
    '/api/studies/:id',
    { schema: { tags, summary: 'A study with its members (members only; others get 404)', params: IdParamsSchema, response: { 200: StudySchema, ...errors } } },
    async (request) => studies.get(requireActor(request), request.params.id),
  );
  app.post(
    '/api/studies/:id/members',
    { schema: { tags, summary: 'Add a member by their account’s email, as lead, coder or reader (the lead)', params: IdParamsSchema, body: AddStudyMemberBodySchema, response: { 201: StudySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await studies.addMember(requireActor(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/studies/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member (the lead; the only lead cannot leave)', params: StudyMemberParamsSchema, response: { 200: StudySchema, ...errors } } },
    async (request) => studies.removeMember(requireActor(request), request.params.id, request.params.userId),
  );
  app.get(
    '/api/studies/:id/informants',
    { schema: { tags, summary: 'The study’s informants: pseudonym, group, country, setting, consent (members; audited)', params: IdParamsSchema, response: { 200: z.array(InformantSchema), ...errors } } },
    async (request) => studies.informants(requireActor(request), request.params.id),
  );
  app.post(
    '/api/studies/:id/informants',
    { schema: { tags, summary: 'Add an informant (the lead)', params: IdParamsSchema, body: CreateInformantBodySchema, response: { 201: InformantSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await studies.createInformant(requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/studies/:id/informants/:informantId',
    { schema: { tags, summary: 'Change an informant, with the version read (stale: 409)', params: InformantParamsSchema, body: UpdateInformantBodySchema, response: { 200: InformantSchema, ...errors } } },
    async (request) => studies.updateInformant(requireActor(request), request.params.id, request.params.informantId, request.body),
  );
  app.get(
    '/api/studies/:id/codes',
    { schema: { tags, summary: 'The study’s codebook as a tree (members)', params: IdParamsSchema, response: { 200: z.array(StudyCodeSchema), ...errors } } },
    async (request) => codes.codes(requireActor(request), request.params.id),
  );
  app.post(
    '/api/studies/:id/codes',
    { schema: { tags, summary: 'Add a code, at the top or under a parent (the lead and coders); the codebook after it', params: IdParamsSchema, body: CreateCodeBodySchema, response: { 201: z.array(StudyCodeSchema), ...errors } } },
    async (request, reply) => reply.status(201).send(await codes.create(requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/studies/:id/codes/:codeId',
    { schema: { tags, summary: 'Change or move a code, with the version read (stale: 409); the codebook after it', params: CodeParamsSchema, body: UpdateCodeBodySchema, response: { 200: z.array(StudyCodeSchema), ...errors } } },
    async (request) => codes.update(requireActor(request), request.params.id, request.params.codeId, request.body),
  );
  app.post(
    '/api/studies/:id/codes/starter',
    { schema: { tags, summary: 'Fill an empty codebook from the starter codebook, in one language (the lead)', params: IdParamsSchema, body: StarterCodebookBodySchema, response: { 201: z.array(StudyCodeSchema), ...errors } } },
    async (request, reply) => reply.status(201).send(await codes.addStarter(requireActor(request), request.params.id, request.body.language)),
  );
  app.get(
    '/api/studies/:id/codebook.qdc',
    {
      schema: {
        tags,
        summary: 'The codebook as a REFI-QDA codebook file (.qdc, members)',
        params: IdParamsSchema,
        response: { 200: { description: 'A REFI-QDA codebook', content: { 'application/xml': { schema: z.string() } } }, ...errors },
      },
    },
    async (request, reply) => sendFile(reply, await codes.exportQdc(requireActor(request), request.params.id)),
  );
  app.post(
    '/api/studies/:id/sources',
    {
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload a transcript (.txt, .docx, .vtt or .srt, base64; the lead and coders): it waits for its uploader’s redaction pass',
        params: IdParamsSchema,
        body: UploadSourceBodySchema,
        response: { 201: SourceSchema, 413: ErrorBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { content, ...rest } = request.body;
      return reply.status(201).send(await sources.upload(requireActor(request), request.params.id, { ...rest, content: Buffer.from(content, 'base64') }));
    },
  );
  app.get(
    '/api/studies/:id/sources',
    { schema: { tags, summary: 'The study’s transcripts without their text (those in redaction only to their uploader)', params: IdParamsSchema, response: { 200: z.array(SourceSummarySchema), ...errors } } },
    async (request) => sources.list(requireActor(request), request.params.id),
  );
  app.get(
    '/api/studies/:id/sources/:sourceId',
    { schema: { tags, summary: 'A transcript with its text, speaker turns and sync points (members; audited)', params: SourceParamsSchema, response: { 200: SourceSchema, ...errors } } },
    async (request) => sources.get(requireActor(request), request.params.id, request.params.sourceId),
  );
  app.post(
    '/api/studies/:id/sources/:sourceId/redaction',
    { schema: { tags, summary: 'Confirm the redaction pass (the uploader): the spans given are replaced, the original is not kept', params: SourceParamsSchema, body: ConfirmRedactionBodySchema, response: { 200: SourceSchema, ...errors } } },
    async (request) => sources.confirmRedaction(requireActor(request), request.params.id, request.params.sourceId, request.body),
  );
};
