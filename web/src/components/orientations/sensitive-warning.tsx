/** The warning beside the reasons field: no health or other sensitive detail travels (medical secrecy). */
import { Icon } from '../ui/icon.tsx';

export function SensitiveWarning({ id }: { id: string }) {
  return (
    <div class="notice notice--warning" id={id}>
      <Icon name="alert" />
      <div>
        <p class="notice__title">Aucune information de santé ni donnée sensible</p>
        <p>
          N’écrivez rien sur la santé de la personne (maladie, handicap, traitement, addiction…), ni sur sa vie privée, ses opinions, sa religion ou une situation judiciaire :
          le secret médical et la protection des données l’interdisent. Dites seulement ce qui aide la structure à l’accueillir.
        </p>
      </div>
    </div>
  );
}
