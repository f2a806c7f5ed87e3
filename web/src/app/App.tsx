import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { notifyError } from '../api/notify.ts';
import { ApiError } from '../api/client.ts';
import { AuthProvider } from './auth.tsx';
import { router } from './routes.tsx';
import { theme } from './theme.ts';

/** A 401 anywhere means the session ended (expired, signed out elsewhere): forget who we were, back to sign-in. */
function onAuthLost(err: unknown): void {
  if (err instanceof ApiError && err.status === 401 && queryClient.getQueryData(['me'])) queryClient.setQueryData(['me'], null);
}

/** Mutations report their failure as a notification unless they handle it themselves (`meta.silent`). */
const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache({ onError: onAuthLost }),
  mutationCache: new MutationCache({
    onError: (err, _v, _c, m) => {
      onAuthLost(err);
      if (!m.meta?.silent) notifyError(err);
    },
  }),
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" autoClose={5000} />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
