import type { z } from 'zod';
import type { Db } from '@alongside/db';
import {
  definitionProblems,
  InstrumentDefinitionSchema,
  licenceAllowsUse,
  LicenceSchema,
  type CreateInstrumentBodySchema,
  type ImportNotice,
  type Instrument,
  type InstrumentDefinition,
  type InstrumentFormat,
  type InstrumentVersion,
  type Language,
  type Licence,
  type UpdateInstrumentBodySchema,
} from '@alongside/contracts';
import type { Actor, RequestOrigin } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { AppError, conflict, isUniqueViolation, notFound, pgError, versionConflict } from '../../lib/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { exportInstrument, importInstrument, type ExportedFile } from './formats/index.ts';
import * as policy from './instruments.policy.ts';
import * as repo from './instruments.repo.ts';

export interface InstrumentsDeps {
  db: Db;
  clock: Clock;
}

/** An instrument as the library file holds it (what an import produces and an export writes). */
export interface InstrumentFile {
  key: string;
  name: string;
  url?: string | undefined;
  licence: Licence;
  definition: InstrumentDefinition;
}

const toSummary = (v: repo.VersionRow) => ({
  id: v.id,
  number: v.number,
  createdAt: v.createdAt.toISOString(),
  lockedAt: v.lockedAt?.toISOString() ?? null,
  sourceFormat: v.sourceFormat as InstrumentFormat,
  notices: v.notices as ImportNotice[],
});

const toInstrument = (row: repo.InstrumentRow, latest: repo.VersionRow): Instrument => {
  const licence = LicenceSchema.parse(row.licence);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    url: row.url,
    licence,
    usable: licenceAllowsUse(licence),
    latestVersion: toSummary(latest),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
};

const toVersion = (v: repo.VersionRow): InstrumentVersion => ({
  ...toSummary(v),
  instrumentId: v.instrumentId,
  definition: InstrumentDefinitionSchema.parse(v.definition),
});

/** 400 with one detail per problem the schema alone cannot see (duplicate names, unknown references). */
function checkDefinition(definition: InstrumentDefinition) {
  const problems = definitionProblems(definition);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      `The instrument has ${problems.length} problem(s): ${problems[0]!.path} ${problems[0]!.message}.`,
      problems.map((p) => ({ field: `definition.${p.path}`, in: 'body', message: p.message })),
    );
  }
}

/** Who adds to the library: a signed-in researcher, or the server's operator at the command line. */
export type LibraryWriter = Actor | (RequestOrigin & { role: string });

/** The shared instrument library: definitions as data, versions that lock once answered, imports and exports. */
export function createInstrumentsService({ db }: InstrumentsDeps) {
  function authorize(who: LibraryWriter) {
    // The command line runs on the server itself: whoever runs it administers the installation.
    if ('memberships' in who && !policy.canUseLibrary(who)) throw notFound('Instrument library');
  }

  async function getRow(id: string) {
    const row = await repo.findInstrument(db, id);
    if (!row) throw notFound('Instrument');
    return row;
  }

  /** Adds a file's instrument: a new instrument, or a new version when its key is already in the library. */
  async function add(actor: LibraryWriter, file: InstrumentFile, sourceFormat: InstrumentFormat, notices: ImportNotice[], action: 'instrument.create' | 'instrument.import') {
    checkDefinition(file.definition);
    try {
      return await db.transaction(async (tx) => {
        const existing = await repo.findInstrumentByKey(tx, file.key);
        const instrument =
          existing ?? (await repo.insertInstrument(tx, { key: file.key, name: file.name, url: file.url ?? null, licence: file.licence, createdBy: writerId(actor) }));
        const number = existing ? (await repo.latestVersion(tx, existing.id)).number + 1 : 1;
        const version = await repo.insertVersion(tx, {
          instrumentId: instrument.id,
          number,
          definition: file.definition,
          sourceFormat,
          notices,
          createdBy: writerId(actor),
        });
        await writeAudit(tx, actor, {
          action,
          entityType: 'instrument',
          entityId: instrument.id,
          purpose: 'research_use',
          details: { version: number, format: sourceFormat, notices: notices.length },
        });
        return toInstrument(instrument, version);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'instruments_key') || isUniqueViolation(error, 'instrument_versions_number'))
        throw conflict('version_conflict', 'Someone added the same instrument at the same moment. Reload and try again.');
      throw error;
    }
  }

  return {
    async list(actor: Actor): Promise<Instrument[]> {
      authorize(actor);
      return (await repo.findInstruments(db)).map((r) => toInstrument(r.instrument, r.latest));
    },

    async get(actor: Actor, id: string): Promise<Instrument> {
      authorize(actor);
      const row = await getRow(id);
      return toInstrument(row, await repo.latestVersion(db, id));
    },

    async listVersions(actor: Actor, id: string) {
      authorize(actor);
      await getRow(id);
      return (await repo.findVersions(db, id)).map(toSummary);
    },

    async getVersion(actor: Actor, id: string, number: number): Promise<InstrumentVersion> {
      authorize(actor);
      const version = await repo.findVersion(db, id, number);
      if (!version) throw notFound('Instrument version');
      return toVersion(version);
    },

    async create(actor: Actor, body: z.infer<typeof CreateInstrumentBodySchema>) {
      authorize(actor);
      if (await repo.findInstrumentByKey(db, body.key)) throw conflict('already_exists', `An instrument with the key ${body.key} is already in the library.`);
      return add(actor, body, 'json', [], 'instrument.create');
    },

    /** Imports a file (format from its content); a bad file is a 400 with its problems line by line, nothing stored. */
    async importFile(actor: LibraryWriter, file: { filename?: string | undefined; content: Uint8Array; language?: Language | undefined }) {
      authorize(actor);
      const result = await importInstrument(file.content, file.filename, file.language ? { language: file.language } : {});
      if (!result.ok) {
        const first = result.errors[0];
        throw new AppError(
          400,
          'validation_failed',
          `The file could not be imported${first ? `: ${first.message}` : ''}.`,
          result.errors.length > 0
            ? result.errors.map((e) => ({ field: locate(e), in: 'file', message: e.message }))
            : [{ field: 'content', in: 'body', message: 'the file could not be read' }],
        );
      }
      const instrument = await add(actor, { key: result.key, name: result.name, url: result.url, licence: result.licence, definition: result.definition }, result.format, result.notices, 'instrument.import');
      return { instrument, format: result.format, notices: result.notices };
    },

    /** A new version from an edited definition; stale translations flagged; protected wording refused. */
    async saveVersion(actor: Actor, id: string, body: { definition: InstrumentDefinition; basedOn: number }) {
      authorize(actor);
      const row = await getRow(id);
      checkDefinition(body.definition);
      const base = await repo.findVersion(db, id, body.basedOn);
      if (!base) throw notFound('Instrument version');
      const before = InstrumentDefinitionSchema.parse(base.definition);
      guardWording(LicenceSchema.parse(row.licence), before, body.definition);
      const definition = { ...body.definition, languages: policy.staleTranslations(before, body.definition) };
      try {
        return await db.transaction(async (tx) => {
          const latest = await repo.latestVersion(tx, id);
          const version = await repo.insertVersion(tx, {
            instrumentId: id,
            number: latest.number + 1,
            definition,
            sourceFormat: 'json',
            notices: [],
            createdBy: actor.userId,
          });
          await writeAudit(tx, actor, { action: 'instrument_version.create', entityType: 'instrument', entityId: id, purpose: 'research_use', details: { version: version.number, basedOn: body.basedOn } });
          return toVersion(version);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'instrument_versions_number')) throw versionConflict();
        throw error;
      }
    },

    /** Edits a version in place while nobody has answered it (409 `instrument_locked` after). */
    async updateVersion(actor: Actor, id: string, number: number, body: { definition: InstrumentDefinition }) {
      authorize(actor);
      const row = await getRow(id);
      const version = await repo.findVersion(db, id, number);
      if (!version) throw notFound('Instrument version');
      checkDefinition(body.definition);
      const locked = () => conflict('instrument_locked', 'This version already has responses. Save your changes as a new version.');
      if (version.lockedAt) throw locked();
      const before = InstrumentDefinitionSchema.parse(version.definition);
      guardWording(LicenceSchema.parse(row.licence), before, body.definition);
      const definition = { ...body.definition, languages: policy.staleTranslations(before, body.definition) };
      return db.transaction(async (tx) => {
        const updated = await repo.updateUnlockedVersion(tx, version.id, definition).catch((error: unknown) => {
          if (pgError(error)?.constraint === 'instrument_versions_locked') throw locked();
          throw error;
        });
        if (!updated) throw locked();
        await writeAudit(tx, actor, { action: 'instrument_version.update', entityType: 'instrument', entityId: id, purpose: 'research_use', details: { version: number } });
        return toVersion(updated);
      });
    },

    /** Renames, or records the licence (e.g. the permission its owners gave). */
    async update(actor: Actor, id: string, body: z.infer<typeof UpdateInstrumentBodySchema>) {
      authorize(actor);
      await getRow(id);
      const { version, ...patch } = body;
      return db.transaction(async (tx) => {
        const row = await repo.updateInstrument(tx, id, version, patch);
        if (!row) throw versionConflict();
        await writeAudit(tx, actor, { action: 'instrument.update', entityType: 'instrument', entityId: id, purpose: 'research_use', details: { fields: Object.keys(patch) } });
        return toInstrument(row, await repo.latestVersion(tx, id));
      });
    },

    /** One version as a file in one of the exchange formats. */
    async exportFile(actor: Actor, id: string, query: { format: InstrumentFormat; version?: number | undefined; language?: Language | undefined }): Promise<ExportedFile> {
      authorize(actor);
      const row = await getRow(id);
      const version = query.version ? await repo.findVersion(db, id, query.version) : await repo.latestVersion(db, id);
      if (!version) throw notFound('Instrument version');
      const definition = InstrumentDefinitionSchema.parse(version.definition);
      const file = await exportInstrument(
        query.format,
        { key: row.key, name: row.name, ...(row.url ? { url: row.url } : {}), licence: LicenceSchema.parse(row.licence), versionNumber: version.number, definition },
        query.language ? { language: query.language } : {},
      );
      await writeAudit(db, actor, { action: 'instrument.export', entityType: 'instrument', entityId: id, purpose: 'research_use', details: { version: version.number, format: query.format } });
      return file;
    },
  };
}

export type InstrumentsService = ReturnType<typeof createInstrumentsService>;

const writerId = (who: LibraryWriter) => ('memberships' in who ? who.userId : null);

/** Where in a file a problem is: "line 3, column 7", "sheet survey, row 4", or the field. */
function locate(notice: ImportNotice): string {
  const parts: string[] = [];
  if (notice.sheet) parts.push(`sheet ${notice.sheet}`);
  if (notice.line !== undefined) parts.push(`${notice.sheet ? 'row' : 'line'} ${notice.line}`);
  if (notice.column !== undefined) parts.push(`column ${notice.column}`);
  if (notice.field) parts.push(notice.field);
  return parts.join(', ') || 'file';
}

function guardWording(licence: Licence, before: InstrumentDefinition, after: InstrumentDefinition) {
  if (!policy.wordingProtected(licence)) return;
  const changed = policy.changedWording(before, after);
  if (changed.length > 0) {
    throw new AppError(
      403,
      'wording_locked',
      `The licence does not allow the wording to be edited (${changed.join(', ')}).`,
      changed.map((name) => ({ field: `definition.items.${name}.text`, in: 'body', message: 'wording may not be edited under this licence' })),
    );
  }
}

