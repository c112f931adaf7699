import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { AdminLayout } from './features/admin/AdminLayout.tsx';
import { AuditPage } from './features/admin/AuditPage.tsx';
import { InvitationsPage } from './features/admin/InvitationsPage.tsx';
import { OrganizationsPage } from './features/admin/OrganizationsPage.tsx';
import { OutboxPage } from './features/admin/OutboxPage.tsx';
import { ProgramsPage } from './features/admin/ProgramsPage.tsx';
import { TeamDetailPage } from './features/admin/TeamDetailPage.tsx';
import { TeamsPage } from './features/admin/TeamsPage.tsx';
import { UsersPage } from './features/admin/UsersPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { StartStepAwayPage } from './features/step-away/StartStepAwayPage.tsx';
import { StepAwayPage } from './features/step-away/StepAwayPage.tsx';
import { StepAwaysPage } from './features/step-away/StepAwaysPage.tsx';
import { CheckInPage } from './features/wellbeing/CheckInPage.tsx';
import { BoardPage } from './features/board/BoardPage.tsx';
import { HuddlesPage } from './features/board/HuddlesPage.tsx';
import { LogContactPage } from './features/people/LogContactPage.tsx';
import { PeoplePage } from './features/people/PeoplePage.tsx';
import { PersonPage } from './features/people/PersonPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { AcceptInvitationPage } from './features/invitations/AcceptInvitationPage.tsx';
import { ProfilePage } from './features/profile/ProfilePage.tsx';
import { RequireAuth } from './features/session/RequireAuth.tsx';
import { FullPageLoader } from './components/FullPageLoader.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { ErrorPage } from './shell/ErrorPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <ErrorPage />,
    // Shown while a lazily loaded page (charts) arrives on a direct visit.
    HydrateFallback: FullPageLoader,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/invitations/:token', element: <AcceptInvitationPage /> },
      // Survey respondents: no sign-in. SurveyJS is large and only respondents need it: load it with the page.
      {
        path: '/s/open/:code',
        lazy: async () => ({ Component: (await import('./features/surveys/OpenRespondPage.tsx')).OpenRespondPage }),
      },
      {
        path: '/s/:token',
        lazy: async () => ({ Component: (await import('./features/surveys/RespondPage.tsx')).RespondPage }),
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            // Errors inside a page keep the header and navigation around them.
            errorElement: <ErrorPage inShell />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'people', element: <PeoplePage /> },
              { path: 'people/:id', element: <PersonPage /> },
              { path: 'people/:id/contact/new', element: <LogContactPage /> },
              { path: 'contact/new', element: <LogContactPage /> },
              { path: 'board', element: <BoardPage /> },
              { path: 'huddles', element: <HuddlesPage /> },
              {
                path: 'wellbeing',
                // The trend chart needs ECharts: load it with the page.
                lazy: async () => ({
                  Component: (await import('./features/wellbeing/WellbeingPage.tsx')).WellbeingPage,
                }),
              },
              { path: 'wellbeing/check-in', element: <CheckInPage /> },
              { path: 'step-away', element: <StepAwaysPage /> },
              { path: 'step-away/new', element: <StartStepAwayPage /> },
              { path: 'step-away/:id', element: <StepAwayPage /> },
              {
                path: 'program',
                // ECharts is large and only managers and researchers need it: load it with the page.
                lazy: async () => ({ Component: (await import('./features/program/ProgramPage.tsx')).ProgramPage }),
              },
              {
                path: 'psps',
                // The supervisor's home draws shared wellbeing trends with ECharts: load it with the page.
                lazy: async () => ({ Component: (await import('./features/supervision/PspsPage.tsx')).PspsPage }),
              },
              // The research pages are for researchers only: each loads with its page, so other roles never download them.
              {
                path: 'campaigns',
                lazy: async () => ({
                  Component: (await import('./features/campaigns/CampaignsPage.tsx')).CampaignsPage,
                }),
              },
              {
                path: 'campaigns/new',
                lazy: async () => ({
                  Component: (await import('./features/campaigns/NewCampaignPage.tsx')).NewCampaignPage,
                }),
              },
              {
                path: 'campaigns/:id',
                lazy: async () => ({
                  Component: (await import('./features/campaigns/CampaignLayout.tsx')).CampaignLayout,
                }),
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('./features/campaigns/CampaignOverviewPage.tsx')).CampaignOverviewPage,
                    }),
                  },
                  {
                    path: 'invitations',
                    lazy: async () => ({
                      Component: (await import('./features/campaigns/CampaignInvitationsPage.tsx'))
                        .CampaignInvitationsPage,
                    }),
                  },
                  {
                    path: 'progress',
                    lazy: async () => ({
                      Component: (await import('./features/campaigns/CampaignProgressPage.tsx')).CampaignProgressPage,
                    }),
                  },
                  {
                    path: 'results',
                    lazy: async () => ({
                      Component: (await import('./features/campaigns/CampaignResultsPage.tsx')).CampaignResultsPage,
                    }),
                  },
                  {
                    path: 'data',
                    lazy: async () => ({
                      Component: (await import('./features/campaigns/CampaignDataPage.tsx')).CampaignDataPage,
                    }),
                  },
                  {
                    path: 'analysis',
                    lazy: async () => ({
                      Component: (await import('./features/analyses/AnalysisPage.tsx')).AnalysisPage,
                    }),
                  },
                  {
                    path: 'analysis/:analysisId',
                    lazy: async () => ({
                      Component: (await import('./features/analyses/AnalysisPage.tsx')).AnalysisPage,
                    }),
                  },
                ],
              },
              {
                path: 'studies',
                lazy: async () => ({ Component: (await import('./features/studies/StudiesPage.tsx')).StudiesPage }),
              },
              {
                path: 'studies/new',
                lazy: async () => ({ Component: (await import('./features/studies/NewStudyPage.tsx')).NewStudyPage }),
              },
              {
                path: 'studies/:id',
                lazy: async () => ({ Component: (await import('./features/studies/StudyPage.tsx')).StudyPage }),
              },
              {
                path: 'instruments',
                lazy: async () => ({
                  Component: (await import('./features/instrument-library/InstrumentLibraryPage.tsx'))
                    .InstrumentLibraryPage,
                }),
              },
              {
                path: 'instruments/:id',
                lazy: async () => ({
                  Component: (await import('./features/instrument-library/InstrumentPage.tsx')).InstrumentPage,
                }),
              },
              {
                path: 'instruments/:id/edit',
                lazy: async () => ({
                  Component: (await import('./features/instrument-library/InstrumentEditPage.tsx')).InstrumentEditPage,
                }),
              },
              {
                path: 'admin',
                element: <AdminLayout />,
                children: [
                  {
                    index: true,
                    element: <Navigate to="organizations" replace />,
                  },
                  { path: 'organizations', element: <OrganizationsPage /> },
                  { path: 'programs', element: <ProgramsPage /> },
                  { path: 'teams', element: <TeamsPage /> },
                  { path: 'teams/:id', element: <TeamDetailPage /> },
                  { path: 'users', element: <UsersPage /> },
                  { path: 'invitations', element: <InvitationsPage /> },
                  { path: 'outbox', element: <OutboxPage /> },
                  { path: 'audit', element: <AuditPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
