/**
 * Orientation rules without I/O: what a professional sends (zod, French messages, dotted paths), who
 * may be sent (offers mobilisable by professionals), the deadlines (answer link 8 days, reminder at
 * 10, expiry at 30) and what an answer needs. See db/orientations.ts for storage and
 * routes/orientations.ts for the HTTP side.
 */
import { z } from 'zod';
import { email as emailField, phone as phoneField, text } from './input-fields.ts';
import {
  CONTACT_PREFERENCES,
  ORIENTATION_MAX_OFFERS,
  REASONS_MAX,
  REFUSAL_REASONS,
  type ContactPreferenceValue,
  type OrientationStatusValue,
} from './orientation-choices.ts';
import { editFailure, type EditFailure } from './edit-result.ts';

const DAY_MS = 86_400_000;

/** The structure's answer link is valid this long; an expired one can be refreshed from its page. */
export const ANSWER_LINK_TTL_DAYS = 8;
/** Without an answer, the structure is reminded once after this many days (with a fresh link)... */
export const REMINDER_AFTER_DAYS = 10;
/** ...and the orientation expires after this many. */
export const EXPIRES_AFTER_DAYS = 30;

const requiredText = (min: number, max: number) => z.string().trim().min(min).max(max);

export const orientationRequestBody = z
  .strictObject({
    offer_ids: z
      .array(z.string().trim().min(1).max(64))
      .min(1, 'choisissez au moins une action')
      .max(ORIENTATION_MAX_OFFERS)
      .refine((ids) => new Set(ids).size === ids.length, 'la même action figure deux fois'),
    first_name: requiredText(1, 80),
    last_name: requiredText(1, 80),
    contact_preference: z.enum(CONTACT_PREFERENCES, { error: 'choisissez comment joindre la personne' }),
    phone: phoneField.optional(),
    email: emailField.optional(),
    availability: text(300).optional(),
    reasons: requiredText(10, REASONS_MAX),
    consent: z.literal(true, { error: 'cochez cette case : la personne doit avoir donné son accord' }),
  })
  .superRefine((body, ctx) => {
    // Checked even when other fields are wrong, so the form shows every problem at once.
    const preference = body.contact_preference as ContactPreferenceValue | undefined;
    if (preference === 'telephone' && !body.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'indiquez le téléphone de la personne, puisqu’elle préfère être appelée' });
    if (preference === 'email' && !body.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'indiquez l’adresse de la personne, puisqu’elle préfère un courriel' });
  }, { when: () => true });

export type OrientationRequestInput = z.output<typeof orientationRequestBody>;

/** A signed link's token: "<expiry seconds>.<signature>". */
export const linkToken = z.string().trim().regex(/^\d{1,12}\.[A-Za-z0-9_-]{20,100}$/, 'lien incomplet ou abîmé : copiez-le en entier depuis le courriel');

const message = (max: number) => requiredText(2, max);

export const acceptBody = z.strictObject({
  token: linkToken.optional(),
  session_id: z.string().trim().min(1).max(64).optional(),
  message: message(1000).optional(),
});

export const refuseBody = z
  .strictObject({
    token: linkToken.optional(),
    reason: z.enum(REFUSAL_REASONS, { error: 'choisissez un motif de refus' }),
    message: message(1000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.reason === 'autre' && !body.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'précisez le motif en quelques mots' });
  }, { when: () => true });

export const messageBody = z.strictObject({ token: linkToken.optional(), message: message(2000) });

export const tokenBody = z.strictObject({ token: linkToken.optional() });

export const refreshLinkBody = z.strictObject({ token: linkToken });

/** Offers a professional may send someone to (d·i `mobilisable_par`). */
export function isMobilisableByProfessionals(offer: { mobilisable_par: readonly string[] | null }): boolean {
  return offer.mobilisable_par?.includes('professionnels') ?? false;
}

export function daysAfter(iso: string, days: number): Date {
  return new Date(new Date(iso).getTime() + days * DAY_MS);
}

/** When an unanswered orientation expires. */
export function expiresAt(sentAt: string): string {
  return daysAfter(sentAt, EXPIRES_AFTER_DAYS).toISOString();
}

/** An answer (accept, refuse) applies to a waiting orientation only. */
export function answerRefusal(status: OrientationStatusValue): EditFailure | null {
  if (status === 'sent') return null;
  const what = status === 'accepted' ? 'déjà été acceptée' : status === 'refused' ? 'déjà été refusée' : 'expiré sans réponse';
  return editFailure('conflict', 'Orientation déjà close', `Cette orientation a ${what} : elle ne peut plus changer. Écrivez un message au professionnel si besoin.`);
}

/** How mails name the person without spelling out more than needed: "Camille D.". */
export function beneficiaryShortName(firstName: string | null, lastName: string | null): string {
  if (!firstName && !lastName) return 'la personne (données anonymisées)';
  return [firstName, lastName ? `${lastName.charAt(0).toUpperCase()}.` : null].filter(Boolean).join(' ');
}
