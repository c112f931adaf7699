import { useSearchParams } from 'react-router';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { careTeams, type CareTeam, type CareTier } from '../people/rules.ts';

/** The team a practice page shows: `?team=` when it is one of mine, else my first care team. */
export function useTeamChoice(only?: CareTier) {
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const teams = careTeams(me.memberships, only);
  const wanted = params.get('team');
  const team: CareTeam | undefined = teams.find((t) => t.teamId === wanted) ?? teams[0];
  const setTeam = (teamId: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('team', teamId);
        return next;
      },
      { replace: true },
    );
  return { me, teams, team, setTeam };
}
