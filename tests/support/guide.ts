/** The bundled where-to-start guide and matching data, read with the same schema and builder the site uses. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildMatchData, type MatchData } from '../../src/lib/match';
import { whereToStartSchema, type WhereToStart } from '../../src/lib/schema';
import { expectedContent } from './content';

export function bundledGuide(root = process.cwd()): WhereToStart {
  return whereToStartSchema.parse(parse(readFileSync(`${root}/src/content/where-to-start.yaml`, 'utf8')));
}

/** Built from the content in the order the site lists blueprints: newest first. */
export function bundledMatchData(): MatchData {
  const content = expectedContent();
  const newestFirst = [...content.blueprints].sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title));
  return buildMatchData({ ...content, blueprints: newestFirst });
}
