/**
 * A beneficiary profile as a referent describes it to POST /api/match. Nothing in it names the person:
 * a commune, barriers or Carnet de bord situations, publics, an age, and reach constraints.
 */
import { z } from 'zod';
import { barrierSchema, publicSchema, situationSchema, thematiqueSchema } from '../referentials/index.ts';

/** Default reach (DESIGN §5): 30 km, 15 km for someone without a vehicle, unless the referent sets it. */
export const DEFAULT_RADIUS_KM = 30;
export const NO_VEHICLE_RADIUS_KM = 15;
export const MAX_RADIUS_KM = 300;

const unique = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(100, 'Liste trop longue (100 valeurs au plus)')
    .transform((values) => [...new Set(values)]);

export const profileSchema = z
  .object({
    commune: z.string({ error: 'Code INSEE de commune attendu (5 caractères)' }).regex(/^\w{5}$/, 'Code INSEE de commune attendu (5 caractères)'),
    barriers: unique(barrierSchema).optional(),
    situations: unique(situationSchema).optional(),
    thematiques: unique(thematiqueSchema).optional(),
    publics: unique(publicSchema).optional(),
    age: z.number({ error: 'Âge attendu (nombre entier d’années)' }).int('Âge attendu (nombre entier d’années)').min(0).max(120).optional(),
    has_vehicle: z.boolean({ error: 'Valeur attendue : true ou false' }).optional(),
    max_km: z.number({ error: 'Distance attendue en kilomètres' }).positive('La distance doit être positive').max(MAX_RADIUS_KM).optional(),
    q: z
      .string({ error: 'Texte attendu' })
      .max(200, 'Texte trop long (200 caractères au plus)')
      .transform((s) => s.trim())
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.barriers?.length && !p.situations?.length && !p.thematiques?.length && !p.q) {
      ctx.addIssue({
        code: 'custom',
        path: ['barriers'],
        message: 'Indiquez au moins un frein, une situation, une thématique ou un texte à rechercher',
      });
    }
  });

export type Profile = z.output<typeof profileSchema>;

/** The search radius, exactly: max_km, else 15 km without a vehicle, else 30 km. */
export function radiusKm(profile: Pick<Profile, 'max_km' | 'has_vehicle'>): number {
  if (profile.max_km != null) return profile.max_km;
  return profile.has_vehicle === false ? NO_VEHICLE_RADIUS_KM : DEFAULT_RADIUS_KM;
}
