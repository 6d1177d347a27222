import { createServer, type Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

/**
 * A real OpenID provider (`oidc-provider`) for tests: its own login page (any password; the login name picks the
 * person below), one confidential client, PKCE required. Vitest and the Playwright auth project both use it.
 */
export const TEST_CLIENT = { id: "quote-batch-composer", secret: "test-client-secret-that-is-long-enough" };

interface TestPerson {
  email: string;
  name: string;
  groups: string[];
}

/** Login name → person. Roles come from the app's settings: lists for some, the `groups` claim for others. */
export const TEST_PEOPLE: Record<string, TestPerson> = {
  sam: { email: "sam@example.com", name: "Sam Submitter", groups: [] },
  vic: { email: "vic@example.com", name: "Vic Viewer", groups: [] },
  ada: { email: "ada@example.com", name: "Ada Admin", groups: [] },
  gus: { email: "gus@example.com", name: "Gus Group", groups: ["sales-ops"] },
  nat: { email: "nat@example.com", name: "Nat Unverified", groups: [] },
};

export interface TestProvider {
  issuer: string;
  close: () => Promise<void>;
}

export async function startTestProvider(options: {
  port: number;
  redirectUris: string[];
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The test provider has no TCP port.");
  const port = address.port;
  const issuer = `http://127.0.0.1:${port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["test-provider-cookie-key"] },
    ttl: { Interaction: 600, Session: 3_600, Grant: 3_600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, id) {
      const person = TEST_PEOPLE[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: person.email,
          email_verified: id !== "nat",
          name: person.name,
          groups: person.groups,
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on("request", provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
