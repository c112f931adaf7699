import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { ReactNode, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './Feedback.tsx';

/** A modal holding one form: the fields, then any error, then Cancel and the submit button. */
export function FormModal({
  title,
  size,
  onClose,
  onSubmit,
  error,
  submitLabel,
  pending,
  submitDisabled,
  children,
}: {
  title: string;
  size?: ModalProps['size'];
  onClose: () => void;
  onSubmit: (e: SyntheticEvent<HTMLFormElement>) => void;
  error: string | undefined;
  submitLabel: string;
  pending: boolean;
  submitDisabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <ErrorAlert message={error} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
