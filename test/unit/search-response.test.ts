/**
 * GET /api/search writes its answer from per-document pieces of JSON kept across requests
 * (api/routes/search-response.ts): the text must be exactly what JSON.stringify gives for the
 * items as objects, and a document changed since (a new object) must never show its old summary.
 */
import { describe, expect, it } from 'vitest';
import { searchAnswerWriter, type SearchAnswer } from '../../api/routes/search-response.ts';
import { offerSummary } from '../../api/domain/matching/index.ts';
import { searchDocument } from '../fixtures/search-documents.ts';

const NOW = new Date('2026-06-15T10:00:00Z');

function asObjects(a: SearchAnswer) {
  return {
    total: a.total,
    page: a.page,
    size: a.size,
    items: a.items.map((i) => ({
      ...offerSummary(i.document, NOW),
      overdue: i.overdue,
      structure: { id: i.document.structure_id, name: i.document.structure_name },
      distance_km: i.distance_km,
      reasons: i.reasons,
    })),
    facets: a.facets,
    engine: a.engine,
    degraded: a.degraded,
  };
}

describe('search answer text', () => {
  const write = searchAnswerWriter();
  const doc = searchDocument({ name: 'Garage « solidaire » \\ "Roue libre"', thematiques: ['mobilite--entretenir-reparer-son-vehicule'], age_min: 18, lat: 44.35, places_available: 0 });
  const other = searchDocument({ name: 'Atelier numérique', lat: null, lon: null, completeness: 0.25, structure_name: 'Centre social l’Étoile' });
  const answer: SearchAnswer = {
    total: 2,
    page: 1,
    size: 20,
    items: [
      { document: doc, overdue: true, distance_km: 8.4, reasons: ['Entretenir ou réparer son véhicule', 'à 8 km', 'complet'] },
      { document: other, overdue: false, distance_km: null, reasons: [] },
    ],
    facets: { barriers: { mobilite: 1 }, fees: {} },
    engine: 'sqlite',
    degraded: false,
  };

  it('is the text JSON.stringify gives for the same answer as objects, member order included', () => {
    expect(write(answer)).toBe(JSON.stringify(asObjects(answer)));
    // Written twice (the second time from the kept pieces): the same text.
    expect(write(answer)).toBe(JSON.stringify(asObjects(answer)));
  });

  it('shows a changed document as it is now (a new document object gets its own pieces)', () => {
    write(answer);
    const changed = { ...doc, name: 'Garage solidaire renommé', places_available: 3 };
    const again: SearchAnswer = { ...answer, items: [{ ...answer.items[0]!, document: changed }] };
    const parsed = JSON.parse(write(again)) as { items: Array<{ name: string; places_available: number }> };
    expect(parsed.items[0]).toMatchObject({ name: 'Garage solidaire renommé', places_available: 3 });
    expect(write(again)).toBe(JSON.stringify(asObjects(again)));
  });
});
