import { Alert, Button, Group, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

/** An error that appeared after something the user did; announced straight away. */
export function ErrorAlert({
  message,
  title,
  children,
}: {
  message: string | undefined;
  title?: string;
  children?: ReactNode;
}) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" aria-live="assertive" title={title}>
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {children}
      </Stack>
    </Alert>
  );
}

/** Confirms that something worked; announced politely. */
export function SuccessAlert({
  message,
  onClose,
  closeLabel,
  children,
}: {
  message: string | undefined;
  onClose?: () => void;
  closeLabel?: string;
  children?: ReactNode;
}) {
  if (!message) return null;
  return (
    <Alert
      color="alongside"
      variant="light"
      role="status"
      aria-live="polite"
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel={closeLabel}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {message}
        </Text>
        {children}
      </Stack>
    </Alert>
  );
}

/** What an empty list says: why it is empty and what to do next. */
export function EmptyState({
  title,
  children,
  action,
  headingOrder = 3,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingOrder?: TitleOrder;
}) {
  return (
    <Paper withBorder p="lg" radius="md" bg="gray.0">
      <Stack gap="xs">
        <Title order={headingOrder} fz="lg">
          {title}
        </Title>
        {children ? <Text>{children}</Text> : null}
        {action ? <Group>{action}</Group> : null}
      </Stack>
    </Paper>
  );
}

/** A query that failed, with a way to try again. */
export function LoadError({
  message,
  onRetry,
  retryLabel,
}: {
  message: string;
  onRetry: () => void;
  retryLabel: string;
}) {
  return (
    <ErrorAlert message={message}>
      <div>
        <Button size="sm" variant="outline" color="red.9" onClick={onRetry}>
          {retryLabel}
        </Button>
      </div>
    </ErrorAlert>
  );
}
