/** Codes of the 101 départements (COG): 01–19, 2A, 2B, 21–95, 971–976. */
export const DEPARTEMENT_CODE = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/;

export function isDepartementCode(code: string): boolean {
  return DEPARTEMENT_CODE.test(code);
}
