/**
 * How complete the offer is (the API's d·i score), what would raise it, and what still stops it from
 * being published — each line a link to the field to fill.
 */
import type { CompletenessAdvice, FieldProblem } from '../../api/space-types.ts';
import { fieldId } from '../../structure/field-errors.ts';

const percent = (n: number) => `${Math.round(n * 100)} %`;

function FieldLink({ path, children }: { path: string | null; children: string }) {
  if (!path) return <>{children}</>;
  return (
    <a
      href={`#${fieldId(path)}`}
      onClick={(e) => {
        const target = document.getElementById(fieldId(path));
        if (!target) return;
        e.preventDefault();
        target.focus();
      }}
    >
      {children}
    </a>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function CompletenessMeter({
  completeness,
  advice,
  problems,
  checking,
  invalid = [],
}: {
  completeness: number | null;
  advice: CompletenessAdvice[];
  problems: FieldProblem[];
  checking: boolean;
  /** Fields the live check refused: left out of the figure, listed first. */
  invalid?: FieldProblem[];
}) {
  return (
    <section class="completeness panel" aria-labelledby="completude" aria-busy={checking}>
      <h2 id="completude">Complétude</h2>
      {completeness == null ? (
        <p class="hint">La complétude s’affiche dès que vous commencez à remplir la fiche.</p>
      ) : (
        <>
          <p class="completeness__figure">
            <meter id="completude-valeur" min={0} max={1} low={0.5} high={0.75} optimum={1} value={completeness} aria-labelledby="completude" />
            <strong>{percent(completeness)}</strong>
          </p>
          <p class="hint">Score de qualité data·inclusion : une fiche complète est mieux classée et plus facile à orienter.</p>
        </>
      )}
      <FieldLinks title="À corriger (non compté)" items={invalid} testId="invalid-fields" />
      <FieldLinks title="À compléter pour publier" items={problems} testId="publication-problems" />
      <FieldLinks title="Pour améliorer la fiche" items={advice} />
      {completeness != null && !problems.length && !invalid.length && <p class="completeness__ready">La fiche a tout ce qu’il faut pour être publiée.</p>}
    </section>
  );
}

/** A titled list of messages, each a link to its field; nothing when there is none. */
function FieldLinks({ title, items, testId }: { title: string; items: ReadonlyArray<{ path: string | null; message: string }>; testId?: string }) {
  if (!items.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="completeness__list" data-testid={testId}>
        {items.map((p) => (
          <li>
            <FieldLink path={p.path}>{capitalize(p.message)}</FieldLink>
          </li>
        ))}
      </ul>
    </>
  );
}
