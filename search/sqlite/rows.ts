/**
 * What the SQLite engine stores for one search document: its lean form (every field but the long
 * texts: what filters, ranking and result summaries need, kept in memory), the long texts apart,
 * and the four text fields of the FTS index (search/text.ts, shared with the Meilisearch engine).
 */
import { leanDocument, type LongTexts, type SearchDocument } from '../document.ts';
import { documentTexts } from '../text.ts';

export interface IndexRow {
  id: string;
  lean: string;
  texts: string;
  /** FTS columns: name, labels, structure, description. */
  text: [string, string, string, string];
}

export function indexRow(doc: SearchDocument): IndexRow {
  const text = documentTexts(doc);
  const texts: LongTexts = { description: doc.description, publics_details: doc.publics_details, access_conditions: doc.access_conditions };
  return {
    id: doc.id,
    lean: JSON.stringify(leanDocument(doc)),
    texts: JSON.stringify(texts),
    text: [text.name, text.labels, text.structure, text.description],
  };
}
