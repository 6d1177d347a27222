import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createQueryClient } from "./query-client.ts";

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <main>
        <h1>Quote Batch Composer</h1>
      </main>
    </QueryClientProvider>
  );
}
