// One collection, the blueprints, with a schema that accepts anything: the floor checks nothing.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const fileName = ({ entry }) => entry.split('/').pop().replace(/\.mdx$/, '');

export const collections = {
  blueprints: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: `${process.env.CONTENT_DIR}/blueprints`, generateId: fileName }),
    schema: z.looseObject({}),
  }),
};
