/**
 * The diagnostic being filled in, kept for this tab only (sessionStorage): coming back from an offer
 * page finds it as it was; closing the tab forgets it. Never put in the URL (it describes a person).
 */
import type { CommuneChoice } from '../search/commune-combobox.tsx';
import type { MatchProfile } from '../../api/types.ts';

export interface DiagnosticDraft {
  commune: CommuneChoice | null;
  barriers: string[];
  situations: string[];
  publics: string[];
  age: string;
  vehicle: '' | 'oui' | 'non';
  maxKm: string;
  q: string;
}

export const EMPTY_DRAFT: DiagnosticDraft = { commune: null, barriers: [], situations: [], publics: [], age: '', vehicle: '', maxKm: '', q: '' };

const KEY = 'offre-insertion:diagnostic';

export function loadDraft(): DiagnosticDraft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<DiagnosticDraft> | null;
    return saved ? { ...EMPTY_DRAFT, ...saved } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(draft: DiagnosticDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage unavailable: the draft lives as long as the page.
  }
}

/** The POST /api/match body of a draft (its commune must be chosen). */
export function profileOf(draft: DiagnosticDraft): MatchProfile {
  const age = draft.age.trim() === '' ? undefined : Number(draft.age);
  return {
    commune: draft.commune!.code,
    ...(draft.barriers.length ? { barriers: draft.barriers } : {}),
    ...(draft.situations.length ? { situations: draft.situations } : {}),
    ...(draft.publics.length ? { publics: draft.publics } : {}),
    ...(age !== undefined && Number.isFinite(age) ? { age } : {}),
    ...(draft.vehicle ? { has_vehicle: draft.vehicle === 'oui' } : {}),
    ...(draft.maxKm ? { max_km: Number(draft.maxKm) } : {}),
    ...(draft.q.trim() ? { q: draft.q.trim() } : {}),
  };
}
