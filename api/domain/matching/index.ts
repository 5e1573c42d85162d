/** Matching (DESIGN §5): profile, requested needs, eligibility and reach, score and reasons. Pure. */
export * from './profile.ts';
export * from './needs.ts';
export * from './candidate.ts';
export * from './score.ts';
export * from './reasons.ts';
export * from './time.ts';
export * from './match.ts';
export * from './summary.ts';
