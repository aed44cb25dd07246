/** The JSON Schema published beside each API file: zod 4's own conversion of schemas.ts. */
import { z } from 'astro/zod';
import { fileSchemas, type FileName } from './schemas';

/**
 * `io: 'output'` describes the data as the API writes it (defaults filled in, so those fields are
 * required). Anything zod cannot express in JSON Schema throws, so a schema change that would
 * publish a hollow schema fails the build instead. https://zod.dev/json-schema
 */
export function jsonSchemaOf(name: FileName, id: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(fileSchemas[name], { io: 'output', target: 'draft-2020-12', unrepresentable: 'throw' });
  return { $schema, $id: id, title: `Blueprint Commons open data: ${name}`, ...rest };
}
