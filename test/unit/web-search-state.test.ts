/** The web app's pure pieces: the search page's state ⇄ URL, its API parameters, and safe return paths after login. */
import { describe, expect, it } from 'vitest';
import { apiParams, batchOf, DEFAULT_RADIUS, parseSearchState, searchHref, widerRadius, type SearchState } from '../../web/src/search/search-state.ts';
import { safeReturnPath } from '../../web/src/pages/account/return-path.ts';
import { fitProjection, pathOf } from '../../web/src/components/basket/static-map-projection.ts';

const parse = (href: string) => parseSearchState(new URL(href, 'http://localhost').searchParams);

describe('search state in the URL', () => {
  it('round-trips every choice through the URL, with French parameter names', () => {
    const state: SearchState = {
      commune: '47157',
      barriers: ['mobilite', 'sante'],
      publics: ['jeunes'],
      types: ['formation'],
      fees: ['gratuit'],
      modes: ['a-distance'],
      radius: 50,
      q: 'permis B',
      page: 2,
      selected: 'abc-123',
    };
    const href = searchHref(state);
    expect(href).toBe('/?commune=47157&freins=mobilite,sante&publics=jeunes&types=formation&frais=gratuit&modes=a-distance&rayon=50&q=permis+B&page=2&offre=abc-123');
    expect(parse(href)).toEqual(state);
  });

  it('leaves defaults out of the URL and reads an empty URL as the defaults', () => {
    const empty = parse('/');
    expect(empty).toEqual({ commune: null, barriers: [], publics: [], types: [], fees: [], modes: [], radius: DEFAULT_RADIUS, q: '', page: 1, selected: null });
    expect(searchHref(empty)).toBe('/');
  });

  it('ignores malformed values from a hand-edited link', () => {
    expect(parse('/?commune=marmande&rayon=-3&page=zero&freins=,,mobilite,')).toMatchObject({ commune: null, radius: DEFAULT_RADIUS, page: 1, barriers: ['mobilite'] });
    expect(parse('/?rayon=5000').radius).toBe(DEFAULT_RADIUS);
  });

  it('asks the API for the batch of 100 holding the list page, with the radius only around a commune', () => {
    expect([1, 5, 6, 10, 11].map(batchOf)).toEqual([1, 1, 2, 2, 3]);
    expect(apiParams(parse('/?commune=47157&freins=mobilite&page=6'))).toMatchObject({ commune: '47157', radius_km: 30, barriers: ['mobilite'], size: 100, page: 2 });
    expect(apiParams(parse('/?freins=mobilite')).radius_km).toBeNull();
    expect(apiParams(parse('/?commune=47157&freins=mobilite'), { withoutBarriers: true, size: 1 })).toMatchObject({ barriers: [], size: 1, page: 1 });
  });

  it('widens the radius step by step, up to 200 km', () => {
    expect([5, 15, 30, 100, 150, 200].map(widerRadius)).toEqual([10, 30, 50, 200, 200, null]);
  });
});

describe('return path after login', () => {
  it('keeps paths of this site and refuses anything that could leave it', () => {
    expect(safeReturnPath('/diagnostic?x=1')).toBe('/diagnostic?x=1');
    for (const bad of ['//ailleurs.example/', '/\\ailleurs.example', 'https://ailleurs.example/', 'javascript:alert(1)', '', null]) expect(safeReturnPath(bad)).toBeNull();
  });
});

describe('printed map projection', () => {
  it('fits the points in the width, north up, with the aspect of the area', () => {
    const p = fitProjection([[0, 44], [1, 45]], 200, 10)!;
    expect(p.width).toBe(200);
    const [x0, y0] = p.project([0, 44]);
    const [x1, y1] = p.project([1, 45]);
    expect(x0).toBeCloseTo(10);
    expect(x1).toBeCloseTo(190);
    expect(y1).toBeLessThan(y0);
    // One degree of latitude is longer than one of longitude at 44.5°N.
    expect(p.height - 20).toBeGreaterThan(180);
    const d = pathOf([[[0, 44], [1, 44], [1, 45]]], p);
    expect(d).toMatch(/^M10\.0 [\d.]+L190\.0 [\d.]+L190\.0 [\d.]+Z$/);
    const ys = [...d.matchAll(/ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[0]).toBe(ys[1]);
    expect(ys[2]).toBeCloseTo(10, 0);
    expect(ys[0]).toBeCloseTo(p.height - 10, 0);
  });
});

describe('French around names', () => {
  it('elides « de » before a vowel, contracts le/les for places, leaves persons’ articles alone', async () => {
    const { de } = await import('../../web/src/lib/french.ts');
    expect(de('Agen')).toBe('d’Agen');
    expect(de('Allanche')).toBe('d’Allanche');
    expect(de('Écouen')).toBe('d’Écouen');
    expect(de('Yssingeaux')).toBe('d’Yssingeaux');
    expect(de('Mâcon')).toBe('de Mâcon');
    expect(de('Marmande')).toBe('de Marmande');
    expect(de('Le Mans')).toBe('du Mans');
    expect(de('Les Sables-d’Olonne')).toBe('des Sables-d’Olonne');
    expect(de('La Rochelle')).toBe('de La Rochelle');
    expect(de('avril 2026')).toBe('d’avril 2026');
    expect(de('Le Goff', { person: true })).toBe('de Le Goff');
    expect(de('Élodie Martin', { person: true })).toBe('d’Élodie Martin');
  });
});
