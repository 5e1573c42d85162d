/**
 * What every coordination page shares: a session with the coordinator role (else it says why), the
 * département being looked at (`?dept=`, first coordinated one by default; a service admin picks any),
 * the page's title and the tabs.
 */
import type { ComponentChildren } from 'preact';
import type { Me } from '../../api/types.ts';
import { listDepartements } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { navigate, useLocation } from '../../router.ts';
import { coordinatedDepartements, isCoordinator } from '../../structure/roles.ts';
import { SignedIn } from '../spaces/signed-in.tsx';
import { SelectField } from '../forms/select-field.tsx';
import { CoordinationNav } from './coordination-nav.tsx';

interface Props {
  title: string;
  lead: string;
  children: (dept: string, me: Me) => ComponentChildren;
}

function DepartementChoice({ me, dept }: { me: Me; dept: string | null }) {
  const { path, query } = useLocation();
  const all = useAsync(async (signal) => (await listDepartements(signal)).items, []);
  const mine = coordinatedDepartements(me);
  const options = (mine ?? all.data?.map((d) => d.code) ?? []).map((code) => {
    const name = all.data?.find((d) => d.code === code)?.name;
    return { value: code, label: name ? `${name} (${code})` : code };
  });
  if (mine && mine.length < 2) return null;
  return (
    <SelectField
      id="departement"
      label="Département"
      value={dept ?? ''}
      empty={dept ? undefined : 'Choisissez un département'}
      options={options}
      onValue={(code) => {
        const next = new URLSearchParams(query);
        next.set('dept', code);
        navigate(`${path}?${next}`);
      }}
    />
  );
}

export function CoordinationFrame({ title, lead, children }: Props) {
  const { query } = useLocation();
  return (
    <SignedIn title={title} why="L’espace de coordination est réservé aux coordinateurs du département : connectez-vous avec votre compte.">
      {(me) => {
        if (!isCoordinator(me)) {
          return (
            <div class="page-narrow">
              <h1>{title}</h1>
              <p class="notice notice--info">
                Cet espace est réservé aux coordinateurs de l’offre d’insertion d’un département. Votre compte n’a pas ce rôle : demandez-le à l’administrateur du service.
              </p>
            </div>
          );
        }
        const mine = coordinatedDepartements(me);
        const asked = query.get('dept')?.toUpperCase() ?? null;
        const dept = asked && (!mine || mine.includes(asked)) ? asked : (mine?.[0] ?? asked);
        return (
          <div class="page-wide">
            <h1>{title}</h1>
            <p class="lead">{lead}</p>
            <CoordinationNav dept={dept} />
            <DepartementChoice me={me} dept={dept} />
            {dept ? children(dept, me) : <p>Choisissez le département à consulter.</p>}
          </div>
        );
      }}
    </SignedIn>
  );
}
