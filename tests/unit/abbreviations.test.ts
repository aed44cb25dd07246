import { describe, expect, it } from 'vitest';
import { abbreviationTable, abbreviationsUsed } from '../../src/lib/search/abbreviations';

const table = abbreviationTable([
  { term: 'EPR', expansion: 'Electronic patient record', definition: 'd', aliases: [] },
  { term: 'IT', expansion: 'Information technology', definition: 'd', aliases: [] },
  { term: 'ePMA', expansion: 'Electronic prescribing and medicines administration', definition: 'd', aliases: [] },
  { term: 'dm+d', expansion: 'Dictionary of medicines and devices', definition: 'd', aliases: [] },
  { term: 'Go-live', definition: 'No expansion, so not an abbreviation', aliases: [] },
  { term: 'Virtual ward', expansion: 'Two words, so not looked for', definition: 'd', aliases: [] },
]);

describe('the abbreviations a text uses', () => {
  it('are the one-word glossary terms with an expansion that it uses as words, alphabetically, each once', () => {
    expect(abbreviationsUsed('Our EPR went live; the ePMA followed. EPR again, with DM+D codes and a go-live.', table)).toEqual(['dm+d', 'ePMA', 'EPR']);
  });

  it('match a term in capitals only in its own case, and not inside a longer word', () => {
    expect(abbreviationsUsed('Make it work: EPRs, epr and Epr are not the term.', table)).toEqual([]);
    expect(abbreviationsUsed('The IT team', table)).toEqual(['IT']);
  });
});
