"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import { refreshSession } from "@/session/session";
import { sessionQueryKey } from "@/session/use-session";
import type { AppRouter } from "./app-router";
import { isRefusal } from "./problem";
import { refreshLink } from "./refresh-link";
import { serviceLink } from "./service-link";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const makeQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refused request (4xx) fails the same way again; only retry what may be transient.
        retry: (failures, error) => !isRefusal(error) && failures < 2,
      },
      // A checkout is retried by the person (same idempotency key), never behind their back.
      mutations: { retry: false },
    },
  });

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        refreshLink({
          refresh: () => refreshSession(),
          onSignedOut: () => queryClient.setQueryData(sessionQueryKey, null),
        }),
        serviceLink(),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
