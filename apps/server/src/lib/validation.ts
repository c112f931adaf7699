import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { findNul, NUL_MESSAGE } from '@alongside/contracts';

/**
 * The zod contracts' validator, with one rule for every string of every request part (body, query, params,
 * headers): no NUL character, which PostgreSQL refuses in text. Refused as a 400 naming the field.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);
  return (data: unknown) => {
    const path = findNul(data);
    if (path) return { error: [{ keyword: 'nul', instancePath: `/${path.join('/')}`, schemaPath: '#', params: {}, message: NUL_MESSAGE }] };
    return validate(data);
  };
};
