/** The trust profile arrives in the page address, so it is read as untrusted input. */
import { describe, expect, it } from 'vitest';
import { decodeMatchData, encodeMatchData, parseAnswers, parseProfile, profileFromOrganisation, profileToParams } from '../../src/lib/match';
import { reservedQuestionIds } from '../../src/lib/schema';
import { bundledGuide, bundledMatchData } from '../support/guide';

describe('reading a profile from the address', () => {
  it('keeps known values and drops unknown fields and values', () => {
    const params = new URLSearchParams('setting=acute&supplier=epic&epr=yes&maturity=developing&region=mars&programme=<script>&colour=red');
    expect(parseProfile(params)).toEqual({ setting: 'acute', supplier: 'epic', epr: 'yes', maturity: 'developing' });
  });

  it('turns an EMRAM stage into a maturity, and ignores one out of range', () => {
    expect(parseProfile(new URLSearchParams('emram=6'))).toEqual({ emram: 6, maturity: 'established' });
    expect(parseProfile(new URLSearchParams('emram=8'))).toEqual({});
    expect(parseProfile(new URLSearchParams('emram=2&maturity=developing'))).toEqual({ emram: 2, maturity: 'developing' });
  });

  it('takes a DMA band 1 to 5 as maturity when no maturity or EMRAM stage is given, and ignores any other band', () => {
    expect(parseProfile(new URLSearchParams('dma=2'))).toEqual({ dma: '2', maturity: 'early' });
    expect(parseProfile(new URLSearchParams('dma=3'))).toEqual({ dma: '3', maturity: 'developing' });
    expect(parseProfile(new URLSearchParams('dma=4'))).toEqual({ dma: '4', maturity: 'established' });
    expect(parseProfile(new URLSearchParams('dma=6'))).toEqual({});
    expect(parseProfile(new URLSearchParams('dma=2.5'))).toEqual({});
    expect(parseProfile(new URLSearchParams('dma=5&emram=1'))).toEqual({ dma: '5', emram: 1, maturity: 'early' });
    expect(parseProfile(new URLSearchParams('dma=1&maturity=established'))).toEqual({ dma: '1', maturity: 'established' });
  });

  it('keeps where the money would come from when it is one of the funding sources', () => {
    expect(parseProfile(new URLSearchParams('funding=own-revenue'))).toEqual({ funding: 'own-revenue' });
    expect(parseProfile(new URLSearchParams('funding=lottery'))).toEqual({});
  });

  it('keeps the organisation’s size when it is one of the size bands', () => {
    expect(parseProfile(new URLSearchParams('size=medium'))).toEqual({ size: 'medium' });
    expect(parseProfile(new URLSearchParams('size=huge'))).toEqual({});
  });

  it('writes a DMA band and size back into the address, and no guide question may take their names', () => {
    const profile = parseProfile(new URLSearchParams('size=large&dma=3&setting=acute'));
    const names = profileToParams(profile).map(([name]) => name);
    expect(names).toEqual(['setting', 'maturity', 'dma', 'size']);
    for (const name of [...names, 'emram', 'epr', 'region', 'programme', 'supplier', 'funding']) expect(reservedQuestionIds, name).toContain(name);
  });

  it('writes the same address back for the same profile', () => {
    const profile = parseProfile(new URLSearchParams('maturity=early&setting=community&epr=no'));
    expect(new URLSearchParams(profileToParams(profile)).toString()).toBe('setting=community&epr=no&maturity=early');
  });

  it('reads only the guide’s questions and only yes, no or unsure', () => {
    const params = new URLSearchParams('wifi=no&board-strategy=maybe&nonsense=no&ccio-time=unsure');
    expect(parseAnswers(params, bundledGuide().questions)).toEqual({ wifi: 'no', 'ccio-time': 'unsure' });
  });
});

describe('prefilling from an organisation the site knows', () => {
  it('takes its setting, region, programme and the supplier its blueprints name', () => {
    const northmoor = bundledMatchData().organisations.find((o) => o.id === 'northmoor-teaching-hospitals')!;
    expect(profileFromOrganisation(northmoor)).toEqual({ setting: 'acute', region: 'north-west', programme: 'gde', supplier: 'oracle-health', epr: 'yes' });
  });
});

describe('the compact matching data sent to the browser', () => {
  it('decodes to exactly what was encoded', () => {
    const data = bundledMatchData();
    const sent = JSON.parse(JSON.stringify(encodeMatchData(data)));
    expect(decodeMatchData(sent)).toEqual(data);
  });
});
