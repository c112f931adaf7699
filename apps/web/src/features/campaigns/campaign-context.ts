import { useOutletContext } from 'react-router';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import type { CampaignDetail } from './queries.ts';

/** The campaign a page under /campaigns/:id works on (loaded once by CampaignLayout, passed as the outlet's context). */
export const useCampaignContext = (): CampaignDetail => useOutletContext<CampaignDetail>();

/** Whether the signed-in user runs this campaign (its owner, or a platform administrator). */
export function useRunsCampaign() {
  const me = useSignedInMe();
  return (campaign: { ownerId: string }) => me.user.isPlatformAdmin || campaign.ownerId === me.user.id;
}
