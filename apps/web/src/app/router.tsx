import type { ComponentType } from "react";
import { Navigate, createBrowserRouter } from "react-router-dom";
import { AccountPage } from "../features/account/AccountPage";
import { ActivatePage } from "../features/auth/ActivatePage";
import { ForgotPasswordPage } from "../features/auth/ForgotPasswordPage";
import { LoginPage } from "../features/auth/LoginPage";
import { MfaSetupPage } from "../features/auth/MfaSetupPage";
import { MfaVerifyPage } from "../features/auth/MfaVerifyPage";
import { BookmarksPage } from "../features/documents/BookmarksPage";
import { DocumentPage } from "../features/documents/DocumentPage";
import { DocumentSearchPage } from "../features/documents/DocumentSearchPage";
import { LibraryPage } from "../features/documents/LibraryPage";
import { SavedDocumentsPage } from "../features/documents/SavedDocumentsPage";
import { HomePage } from "../features/home/HomePage";
import { MeetingsPage } from "../features/meetings/MeetingsPage";
import { ArticlePage } from "../features/news/ArticlePage";
import { NewsPage } from "../features/news/NewsPage";
import { NewsSearchPage } from "../features/news/NewsSearchPage";
import { RequireAuthOrOfflineReading } from "./OfflineGate";
import { SavedArticlesPage } from "../features/news/SavedArticlesPage";
import { InboxPage } from "../features/notifications/InboxPage";
import { AppLayout } from "./AppLayout";
import { MfaGate, PublicOnly, RequireStaff } from "./guards";
import { NotFoundRoute } from "./NotFoundRoute";
import { PublicLayout } from "./PublicLayout";
import { RouteError } from "./RouteError";

// Admin screens are loaded on demand: most members never open them.
const lazyPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => ({
  lazy: async () => ({ Component: (await load())[name] }),
});

/**
 * Routes and their guards:
 * - /login, /activate: PublicOnly (a logged-in user moves on, to the second factor if owed);
 * - /forgot-password: anyone;
 * - /mfa, /mfa/setup: MfaGate (only while the session owes that step);
 * - everything else: RequireAuth (login first, then the second factor), /admin/* also RequireStaff
 *   (the news desk included: /admin/news…, /admin/units/:id/news; and the documents desk:
 *   /admin/documents…, /admin/units/:id/documents…). Without network, when the session cannot be
 *   checked, the account this device remembers still reads its saved articles (/news/saved,
 *   /news/:id) and documents (/documents/saved, /documents/:id, /documents/:id/files/:position);
 *   see RequireAuthOrOfflineReading.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          {
            element: <PublicLayout />,
            children: [
              { path: "login", element: <LoginPage /> },
              { path: "activate", element: <ActivatePage /> },
            ],
          },
        ],
      },
      { element: <PublicLayout />, children: [{ path: "forgot-password", element: <ForgotPasswordPage /> }] },
      {
        element: <MfaGate />,
        children: [
          {
            element: <PublicLayout />,
            children: [
              { path: "mfa", element: <MfaVerifyPage /> },
              { path: "mfa/setup", element: <MfaSetupPage /> },
            ],
          },
        ],
      },
      {
        element: <RequireAuthOrOfflineReading />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: "news", element: <NewsPage /> },
              { path: "news/search", element: <NewsSearchPage /> },
              { path: "news/saved", element: <SavedArticlesPage /> },
              { path: "news/:id", element: <ArticlePage /> },
              { path: "documents", element: <LibraryPage /> },
              { path: "documents/search", element: <DocumentSearchPage /> },
              { path: "documents/bookmarks", element: <BookmarksPage /> },
              { path: "documents/saved", element: <SavedDocumentsPage /> },
              { path: "documents/:id", element: <DocumentPage /> },
              // The viewer brings pdf.js: loaded on demand (and precached, so saved documents open offline).
              { path: "documents/:id/files/:position", ...lazyPage(() => import("../features/documents/ViewerPage"), "ViewerPage") },
              // Drafts for feedback: the members' page and the committee's review (the API decides who may).
              { path: "documents/:id/feedback", ...lazyPage(() => import("../features/feedback/FeedbackPage"), "FeedbackPage") },
              { path: "documents/:id/feedback/review", ...lazyPage(() => import("../features/feedback/ReviewPage"), "ReviewPage") },
              { path: "meetings", element: <MeetingsPage /> },
              { path: "me", element: <AccountPage /> },
              { path: "notifications", element: <InboxPage /> },
              {
                path: "admin",
                element: <RequireStaff />,
                children: [
                  { index: true, element: <Navigate to="/admin/units" replace /> },
                  { path: "units", ...lazyPage(() => import("../features/org-units/UnitsPage"), "UnitsPage") },
                  { path: "units/:id", ...lazyPage(() => import("../features/org-units/UnitDetailPage"), "UnitDetailPage") },
                  { path: "units/:id/members", ...lazyPage(() => import("../features/members/MembersPage"), "MembersPage") },
                  { path: "units/:id/grants", ...lazyPage(() => import("../features/grants/GrantsPage"), "GrantsPage") },
                  { path: "members", ...lazyPage(() => import("../features/org-units/pickers"), "MembersPicker") },
                  { path: "members/:id", ...lazyPage(() => import("../features/members/MemberDetailPage"), "MemberDetailPage") },
                  { path: "grants", ...lazyPage(() => import("../features/org-units/pickers"), "GrantsPicker") },
                  { path: "audit", ...lazyPage(() => import("../features/audit/AuditPage"), "AuditPage") },
                  // The editorial side of the news (editors, approvers; categories for unit admins).
                  { path: "news", ...lazyPage(() => import("../features/editorial/NewsDeskPage"), "NewsDeskPage") },
                  { path: "news/review", ...lazyPage(() => import("../features/editorial/ReviewQueuePage"), "ReviewQueuePage") },
                  { path: "news/new", ...lazyPage(() => import("../features/editorial/ArticleEditPage"), "ArticleEditPage") },
                  { path: "news/:id", ...lazyPage(() => import("../features/editorial/ArticleDeskPage"), "ArticleDeskPage") },
                  { path: "news/:id/edit", ...lazyPage(() => import("../features/editorial/ArticleEditPage"), "ArticleEditPage") },
                  { path: "news/:id/history", ...lazyPage(() => import("../features/editorial/HistoryPage"), "HistoryPage") },
                  { path: "units/:id/news", ...lazyPage(() => import("../features/editorial/ChannelDeskPage"), "ChannelDeskPage") },
                  // The publishing side of the documents (unit admins, secretaries, deputies, approvers).
                  { path: "documents", ...lazyPage(() => import("../features/documents/DeskPage"), "DeskPage") },
                  { path: "documents/:id/edit", ...lazyPage(() => import("../features/documents/DocumentEditPage"), "DocumentEditPage") },
                  { path: "units/:id/documents", ...lazyPage(() => import("../features/documents/UnitDeskPage"), "UnitDeskPage") },
                  { path: "units/:unitId/documents/new", ...lazyPage(() => import("../features/documents/DocumentEditPage"), "DocumentEditPage") },
                ],
              },
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);
