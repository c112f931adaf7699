import { Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title: "Page · Alongside". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('common.productName');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
  }, [title, product]);
}

/** The page's one <h1>, an optional line under it, and the tab title. */
export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <Stack gap={6} mb="lg">
      <Title order={1} fz={{ base: 26, sm: 30 }}>
        {title}
      </Title>
      {description ? <Text c="dimmed">{description}</Text> : null}
      {children}
    </Stack>
  );
}
