/**
 * The where-to-start guide (src/content/where-to-start.yaml) names playbooks, their step numbers
 * and blueprints: each must exist, or the tailored playbook would show a gap. The file's own
 * questions, priorities and order rules are checked by its schema.
 */
import type { Playbook, WhereToStart } from '../../schema';
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

export function checkWhereToStart(corpus: Corpus): Problem[] {
  const playbooks = new Map(corpus.entries.filter((e) => e.kind === 'playbook').map((e) => [e.slug, e.data as Playbook | undefined]));
  const blueprints = new Set(corpus.entries.filter((e) => e.kind === 'blueprint').map((e) => e.slug));
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    if (entry.kind !== 'where-to-start' || !entry.data) continue;
    const report = (path: PropertyKey[], message: string) =>
      problems.push({ file: entry.file.path, ...entry.parsed.positionOf(path), field: path.map(String).join('.'), message });
    (entry.data as WhereToStart).priorities.forEach((priority, i) => {
      if (!playbooks.has(priority.playbook)) {
        report(['priorities', i, 'playbook'], `"${priority.playbook}" is not a known playbook: use the file name (without extension) of one in src/content/playbooks/`);
      } else {
        const steps = playbooks.get(priority.playbook)?.steps.length;
        priority.steps.forEach((n, j) => {
          if (steps !== undefined && n > steps) report(['priorities', i, 'steps', j], `is step ${n}, but the playbook "${priority.playbook}" has ${steps} steps: use a number from 1 to ${steps}`);
        });
      }
      priority.match.blueprints.forEach((slug, j) => {
        if (!blueprints.has(slug)) report(['priorities', i, 'match', 'blueprints', j], `"${slug}" is not a known blueprint: use the file name (without extension) of one in src/content/blueprints/`);
      });
    });
  }
  return problems;
}
