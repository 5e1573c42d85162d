/** The structure form's values (as the inputs hold them) and the API body they make (see offer-values.ts). */
import type { Structure } from '../api/space-types.ts';
import type { StructurePrefill } from '../../../api/domain/structure-input.ts';

export interface StructureValues {
  name: string;
  siret: string;
  description: string;
  typology: string;
  reseaux_porteurs: string[];
  address: string;
  address_complement: string;
  postal_code: string;
  commune: { code: string; name: string; departement_code: string } | null;
  lon: number | null;
  lat: number | null;
  phone: string;
  email: string;
  website: string;
  opening_hours: string;
  accessibility_url: string;
}

type Source = Partial<Pick<Structure, keyof StructurePrefill | 'description' | 'reseaux_porteurs' | 'phone' | 'email' | 'website' | 'opening_hours' | 'accessibility_url' | 'commune_name' | 'departement_code'>>;

export function valuesOfStructure(s: Source | null): StructureValues {
  return {
    name: s?.name ?? '',
    siret: s?.siret ?? '',
    description: s?.description ?? '',
    typology: s?.typology ?? '',
    reseaux_porteurs: s?.reseaux_porteurs ?? [],
    address: s?.address ?? '',
    address_complement: s?.address_complement ?? '',
    postal_code: s?.postal_code ?? '',
    commune: s?.commune_code ? { code: s.commune_code, name: s.commune_name ?? s.commune_code, departement_code: s.departement_code ?? '' } : null,
    lon: s?.lon ?? null,
    lat: s?.lat ?? null,
    phone: s?.phone ?? '',
    email: s?.email ?? '',
    website: s?.website ?? '',
    opening_hours: s?.opening_hours ?? '',
    accessibility_url: s?.accessibility_url ?? '',
  };
}

export function structureBody(v: StructureValues, options: { pinPlaced: boolean }): Record<string, unknown> {
  const { commune, lon, lat, ...fields } = v;
  return {
    ...fields,
    typology: v.typology || null,
    commune_code: commune?.code ?? null,
    ...(options.pinPlaced ? { lon, lat } : {}),
  };
}
