import { describe, expect, it } from 'vitest';
import { byLetter, letterOf } from '../../src/lib/content/glossary-letters';

describe('the glossary’s letters', () => {
  it('files a term under its first letter in upper case, without accents', () => {
    expect(letterOf('dm+d')).toBe('D');
    expect(letterOf('Évaluation')).toBe('E');
    expect(letterOf('openEHR')).toBe('O');
  });

  it('files a term that starts with a digit under 0–9', () => {
    expect(letterOf('10 Year Health Plan')).toBe('0–9');
  });

  it('returns 0–9 and every letter A to Z, empty ones too, keeping the terms’ order', () => {
    const sections = byLetter(['AHP', 'API', '111', 'Zero trust'], (t) => t);
    expect(sections.map((s) => s.letter)).toEqual(['0–9', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
    expect(sections.find((s) => s.letter === 'A')).toEqual({ letter: 'A', id: 'letter-a', terms: ['AHP', 'API'] });
    expect(sections[0]).toEqual({ letter: '0–9', id: 'letter-0-9', terms: ['111'] });
    expect(sections.find((s) => s.letter === 'B')?.terms).toEqual([]);
  });
});
