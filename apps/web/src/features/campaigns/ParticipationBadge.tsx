import { Badge } from '@mantine/core';
import { useCampaignLabels } from './labels.ts';

/** Status in words and a mark, never colour alone. */
export function ParticipationBadge({ status }: { status: 'invited' | 'joined' | 'declined' }) {
  const labels = useCampaignLabels();
  const mark = status === 'joined' ? '✓ ' : status === 'declined' ? '✕ ' : '… ';
  return (
    <Badge variant="outline" color={status === 'joined' ? 'alongside.9' : 'gray.8'} radius="sm" tt="none">
      <span aria-hidden>{mark}</span>
      {labels.participation(status)}
    </Badge>
  );
}
