import {
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../components/Feedback.tsx';
import { useSignedInMe } from '../features/session/RequireAuth.tsx';
import { roleView, signOut } from '../features/session/session.ts';
import { describeError } from '../lib/errors.ts';
import { bottomBarItems, isActive, visibleNav } from './nav.ts';

/** The signed-in frame: header, navigation (a drawer behind a menu button on phones), main. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const navId = useId();
  const [signOutError, setSignOutError] = useState<string>();
  const [signingOut, setSigningOut] = useState(false);

  const roles = roleView(me);
  const sections = visibleNav(roles);
  // On a phone, the role pages sit in a bar at the bottom, one thumb away (UX.md "Phone first").
  const shortcuts = bottomBarItems(roles);
  const showShortcuts = isPhone && shortcuts.length > 0;

  // After moving to another page, start screen readers (and the Tab key) at the new content.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [location.pathname, close]);

  const skipToMain = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  const handleSignOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await signOut(queryClient);
      await navigate('/sign-in', { replace: true });
    } catch (err) {
      setSignOutError(describeError(err, t));
    } finally {
      setSigningOut(false);
    }
  };

  const navHidden = isPhone && !opened;

  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{
          width: 264,
          breakpoint: 'sm',
          collapsed: { mobile: !opened },
        }}
        footer={{ height: 64, collapsed: !showShortcuts }}
        padding={{ base: 'md', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="md"
                className="tap-target"
                aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={opened}
                aria-controls={navId}
              />
              <UnstyledButton
                component={Link}
                to="/"
                className="tap-target"
                style={{ display: 'flex', alignItems: 'center' }}
              >
                <Text fw={700} fz="xl" c="alongside.8">
                  {t('common.productName')}
                </Text>
                <VisuallyHidden>{t('shell.homeSuffix')}</VisuallyHidden>
              </UnstyledButton>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text visibleFrom="sm" fw={500} truncate maw={240}>
                {me.user.name}
              </Text>
              <Button
                variant="outline"
                size="sm"
                className="tap-target"
                loading={signingOut}
                onClick={() => void handleSignOut()}
              >
                {t('shell.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id={navId}
          p="sm"
          aria-label={t('shell.mainNavigation')}
          inert={navHidden}
          style={navHidden ? { visibility: 'hidden' } : undefined}
        >
          <Stack gap="lg">
            <Box hiddenFrom="sm" px="sm">
              <Text fw={600}>{me.user.name}</Text>
              <Text size="sm" c="dimmed">
                {me.user.email}
              </Text>
            </Box>
            {sections.map((section) => {
              const labelId = `${navId}-${section.id}`;
              return (
                <div
                  key={section.id}
                  role={section.labelKey ? 'group' : undefined}
                  aria-labelledby={section.labelKey ? labelId : undefined}
                >
                  {section.labelKey ? (
                    <Text id={labelId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
                      {t(section.labelKey)}
                    </Text>
                  ) : null}
                  <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                    {section.items.map((item) => {
                      const active = isActive(item, location.pathname);
                      return (
                        <li key={item.id}>
                          <NavLink
                            component={Link}
                            to={item.to}
                            label={t(item.labelKey)}
                            active={active}
                            aria-current={active ? 'page' : undefined}
                            className="nav-link"
                            variant="light"
                          />
                        </li>
                      );
                    })}
                  </Box>
                </div>
              );
            })}
          </Stack>
        </AppShell.Navbar>

        {showShortcuts ? (
          <AppShell.Footer component="nav" aria-label={t('shell.shortcuts')} hiddenFrom="sm">
            <Group h="100%" gap={0} grow wrap="nowrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {shortcuts.map((item) => {
                const active = isActive(item, location.pathname);
                return (
                  <li key={item.id} style={{ height: '100%' }}>
                    <UnstyledButton
                      component={Link}
                      to={item.to}
                      aria-current={active ? 'page' : undefined}
                      className="bottom-nav-link"
                      data-active={active || undefined}
                    >
                      {t(item.labelKey)}
                    </UnstyledButton>
                  </li>
                );
              })}
            </Group>
          </AppShell.Footer>
        ) : null}

        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          <Box maw={1120} mx="auto">
            <ErrorAlert message={signOutError} />
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
