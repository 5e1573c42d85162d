/**
 * /structure/:id/membres — the people of a structure: members and their roles, invitations by email,
 * requests to join to accept or refuse (its admins and the coordinators), and leaving it.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import type { Me } from '../../api/types.ts';
import type { JoinRequest, Member, PendingInvitation, Role, Structure } from '../../api/space-types.ts';
import { acceptJoinRequest, changeMemberRole, getJoinRequests, getMembers, invite, refuseJoinRequest, removeMember, revokeInvitation } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { refreshAuth } from '../../state/auth.ts';
import { navigate } from '../../router.ts';
import { dateText } from '../../format.ts';
import { managesStructure, roleIn, roleLabel } from '../../structure/roles.ts';
import { TextField } from '../../components/forms/text-field.tsx';
import { SelectField } from '../../components/forms/select-field.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { DevOutboxHint } from '../../components/ui/dev-outbox-hint.tsx';
import { ReasonForm } from '../../components/spaces/reason-form.tsx';
import { WithStructure } from './structure-loader.tsx';
import { TableWrap } from '../../components/spaces/table-wrap.tsx';
import '../../styles/spaces.css';
import { de } from '../../lib/french.ts';

const ROLES = [
  { value: 'member', label: 'Membre (gère les offres)' },
  { value: 'admin', label: 'Administrateur (gère aussi la fiche et les membres)' },
];

function MemberRow({ member, structure, me, manager, onChange }: { member: Member; structure: Structure; me: Me; manager: boolean; onChange: (message: string) => void }) {
  const submit = useSubmit();
  const self = member.user_id === me.user.id;
  return (
    <tr>
      <th scope="row">
        {member.name}
        {self && <span class="hint-inline"> (vous)</span>}
      </th>
      <td>{member.email}</td>
      <td>
        {manager ? (
          <select
            aria-label={`Rôle ${de(member.name, { person: true })}`}
            value={member.role}
            disabled={submit.submitting}
            onChange={async (e) => {
              const role = (e.currentTarget as HTMLSelectElement).value as Role;
              if (await submit.run(() => changeMemberRole(structure.id, member.user_id, role))) onChange(`${member.name} est maintenant ${roleLabel(role)}.`);
            }}
          >
            <option value="member">Membre</option>
            <option value="admin">Administrateur</option>
          </select>
        ) : (
          roleLabel(member.role)
        )}
        {submit.formError && <p class="field__error">{submit.formError.userMessage}</p>}
      </td>
      <td>{dateText(member.since)}</td>
      <td>
        {(manager || self) && (
          <button
            type="button"
            class="button button--tertiary button--small"
            disabled={submit.submitting}
            onClick={async () => {
              if (!window.confirm(self ? `Quitter « ${structure.name} » ?` : `Retirer ${member.name} de la structure ?`)) return;
              const done = await submit.run(async () => (await removeMember(structure.id, member.user_id), true));
              if (!done) return;
              if (self) {
                await refreshAuth();
                navigate('/structure');
              } else onChange(`${member.name} ne fait plus partie de la structure.`);
            }}
          >
            {self ? 'Quitter la structure' : `Retirer ${member.name}`}
          </button>
        )}
      </td>
    </tr>
  );
}

function JoinRequestItem({ request, onAnswered }: { request: JoinRequest; onAnswered: (message: string) => void }) {
  const [role, setRole] = useState<Role>(request.kind === 'claim' ? 'admin' : 'member');
  const [refusing, setRefusing] = useState(false);
  const submit = useSubmit();
  return (
    <li class="panel request">
      <p>
        <strong>{request.requester.name}</strong> ({request.requester.email}) demande à {request.kind === 'claim' ? 'reprendre' : 'rejoindre'} la structure, le {dateText(request.created_at)}.
      </p>
      {request.message && <blockquote>{request.message}</blockquote>}
      {submit.formError && <ErrorNotice message={submit.formError.userMessage} />}
      {refusing ? (
        <ReasonForm
          id={`refus-${request.id}`}
          label="Motif du refus"
          hint="La personne le recevra par courriel."
          submitLabel="Refuser la demande"
          onCancel={() => setRefusing(false)}
          onSubmit={async (reason) => {
            await refuseJoinRequest(request.id, reason);
            onAnswered(`Demande ${de(request.requester.name, { person: true })} refusée : elle en est informée par courriel.`);
          }}
        />
      ) : (
        <div class="form-actions">
          {request.kind === 'join' && (
            <SelectField id={`role-${request.id}`} label="Rôle donné" value={role} onValue={(v) => setRole(v as Role)} options={ROLES} />
          )}
          <button
            type="button"
            class="button"
            disabled={submit.submitting}
            onClick={async () => {
              if (await submit.run(() => acceptJoinRequest(request.id, role))) onAnswered(`${request.requester.name} fait maintenant partie de la structure.`);
            }}
          >
            Accepter
          </button>
          <button type="button" class="button button--secondary" onClick={() => setRefusing(true)}>
            Refuser…
          </button>
        </div>
      )}
    </li>
  );
}

function InviteForm({ structure, onInvited }: { structure: Structure; onInvited: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const submit = useSubmit();
  return (
    <form
      class="panel"
      noValidate
      aria-labelledby="inviter"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!email.trim()) return submit.fail({ email: 'Indiquez l’adresse électronique de la personne.' });
        const done = await submit.run(() => invite(structure.id, email.trim(), role));
        if (done) {
          setEmail('');
          onInvited(`Invitation envoyée à ${done.email} : le lien est valable jusqu’au ${dateText(done.expires_at)}.`);
        }
      }}
    >
      <h2 id="inviter">Inviter une personne</h2>
      <p class="hint">Elle recevra un lien pour rejoindre la structure (et créer son compte si elle n’en a pas).</p>
      <FormProblems submit={submit} fields={{ email: 'invitation-email', role: 'invitation-role' }} />
      <div class="field-row">
        <TextField id="invitation-email" label="Adresse électronique" type="email" autoComplete="off" value={email} onValue={setEmail} error={submit.fieldErrors.email} />
        <SelectField id="invitation-role" label="Rôle" value={role} onValue={(v) => setRole(v as Role)} options={ROLES} error={submit.fieldErrors.role} />
      </div>
      <button type="submit" class="button" disabled={submit.submitting}>
        Envoyer l’invitation
      </button>
      <DevOutboxHint />
    </form>
  );
}

/** An invitation still open; its admins may withdraw it (a wrong address, a person who left). */
function PendingInvitationItem({ invitation: i, structure, onRevoked }: { invitation: PendingInvitation; structure: Structure; onRevoked: (message: string) => void }) {
  const submit = useSubmit();
  return (
    <li class="queue-item">
      {i.email} ({roleLabel(i.role)}), invitée le {dateText(i.created_at)}
      {i.invited_by ? ` par ${i.invited_by}` : ''} — lien valable jusqu’au {dateText(i.expires_at)}{' '}
      <button
        type="button"
        class="button button--secondary button--small"
        disabled={submit.submitting}
        onClick={() =>
          submit.run(async () => {
            await revokeInvitation(structure.id, i.email);
            onRevoked(`Invitation ${de(i.email, { person: true })} retirée : son lien ne fonctionne plus.`);
          })
        }
      >
        Retirer l’invitation
      </button>
      {submit.formError && <ErrorNotice message={submit.formError.userMessage} />}
    </li>
  );
}

function People({ structure, me }: { structure: Structure; me: Me }) {
  const manager = managesStructure(roleIn(me, structure));
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const members = useAsync((signal) => getMembers(structure.id, signal), [structure.id, tick]);
  const requests = useAsync((signal) => (manager ? getJoinRequests(structure.id, signal) : Promise.resolve(null)), [structure.id, manager, tick]);
  const changed = (message: string) => {
    setNotice(message);
    setTick((n) => n + 1);
  };
  return (
    <>
      <h1>Membres de « {structure.name} »</h1>
      {notice && <SuccessNotice message={notice} />}
      {manager && (requests.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="demandes">
          <h2 id="demandes">Demandes pour rejoindre la structure</h2>
          <ul class="plain-list">
            {requests.data!.items.map((r) => (
              <JoinRequestItem key={r.id} request={r} onAnswered={changed} />
            ))}
          </ul>
        </section>
      )}
      <section class="panel" aria-labelledby="membres">
        <h2 id="membres">Membres</h2>
        {members.error && <ErrorNotice message={members.error.userMessage} onRetry={members.reload} />}
        {!members.data && !members.error && <Loading />}
        {members.data && (
          <TableWrap labelledBy="membres">
            <table class="data-table" aria-labelledby="membres">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Adresse électronique</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">Depuis</th>
                  <th scope="col">
                    <span class="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.data.members.map((m) => (
                  <MemberRow key={m.user_id} member={m} structure={structure} me={me} manager={manager} onChange={changed} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {(members.data?.invitations?.length ?? 0) > 0 && (
          <>
            <h3>Invitations en attente</h3>
            <ul class="plain-list">
              {members.data!.invitations!.map((i) => (
                <PendingInvitationItem key={i.email} invitation={i} structure={structure} onRevoked={changed} />
              ))}
            </ul>
          </>
        )}
      </section>
      {manager && structure.status !== 'archived' && structure.status !== 'rejected' && <InviteForm structure={structure} onInvited={changed} />}
    </>
  );
}

export function MembersPage({ params }: PageProps) {
  return <WithStructure id={params.id!} title="Membres">{(structure, me) => <People structure={structure} me={me} />}</WithStructure>;
}
