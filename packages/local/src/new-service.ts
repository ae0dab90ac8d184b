/**
 * `npm run new:service -- <name>`: writes a new service's package (domain, storage, messaging, router,
 * wiring, handlers, tests) and registers it (the topology's registry, its table, and the web app's type-only
 * router map). Everything else (infra, the Router mount, the local process, its port, the web link, the
 * system tests) derives from the registry. What is left to do by hand is printed at the end.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { serviceNames } from "@tiffin/aws/topology";
import { repoRoot } from "./config";

const pascal = (kebab: string) => kebab.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());

/** Why a name cannot be a service, or undefined when it can. */
export const problemWithName = (
  name: string,
  existing: readonly string[] = serviceNames,
): string | undefined => {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
    return "Use lowercase letters, digits and dashes, e.g. loyalty.";
  if (name.length > 20) return "Keep the name to 20 characters: it becomes Lambda and table names.";
  if (existing.includes(name)) return `${name} is already a service.`;
  if (["aws", "kit", "contracts", "ui", "local", "outbox", "web", "e2e"].includes(name))
    return `${name} is a platform package, not a service.`;
  return undefined;
};

/** The files of a new service's package, by path relative to the repository. */
export const skeleton = (name: string): Record<string, string> => {
  const P = pascal(name);
  const dir = `packages/${name}`;
  return {
    [`${dir}/package.json`]: `${JSON.stringify(
      {
        name: `@tiffin/${name}`,
        private: true,
        version: "0.0.0",
        type: "module",
        exports: {
          ".": "./src/index.ts",
          "./handlers/*": "./src/handlers/*.ts",
          "./router": "./src/router.ts",
        },
        scripts: {
          typecheck: "tsc --noEmit -p ../../tsconfig.json",
          test: `vitest run --root ../.. packages/${name}`,
        },
        dependencies: { "@tiffin/aws": "*", "@tiffin/kit": "*", sst: "4.17.1", zod: "4.6.7" },
        devDependencies: { "@trpc/server": "11.22.1" },
      },
      null,
      2,
    )}\n`,
    [`${dir}/README.md`]: `# @tiffin/${name}

The ${name} service: its own tRPC router (\`/trpc/${name}\`), Lambda and DynamoDB table (\`${P}Table\`).
\`src/domain\` is plain TypeScript behind ports; \`src/storage\` owns the key design; \`src/router.ts\` only
translates; \`src/wiring.ts\` is the only file that reads \`Resource.*\`. Registered in
\`packages/aws/src/topology.ts\`; tests: \`npx vitest run packages/${name}\`.
`,
    [`${dir}/src/index.ts`]: `/** Public surface of the ${name} service: its router's TYPE (for the web app's client), nothing else. */

export type { ${P}Router } from "./router";
`,
    [`${dir}/src/domain/ports.ts`]: `/** What the ${name} domain needs from the outside world; adapters live in storage/ and messaging/. */
export interface NoteRepository {
  get(id: string): Promise<Note | undefined>;
  /** Saves a new note; "exists" when the id is taken (the write is conditional). */
  create(note: Note): Promise<"created" | "exists">;
}

export interface Note {
  id: string;
  text: string;
  createdAt: string;
}
`,
    [`${dir}/src/domain/${name}-service.ts`]: `import { DomainError } from "@tiffin/kit/domain-error";
import type { Note, NoteRepository } from "./ports";

export interface ${P}Deps {
  notes: NoteRepository;
  now: () => Date;
  newId: () => string;
}

/** The ${name} service layer: every use case, over ports (its tests run with fakes, in milliseconds). */
export const create${P}Service = (deps: ${P}Deps) => ({
  async note(id: string): Promise<Note> {
    const found = await deps.notes.get(id);
    if (!found) throw new DomainError("not_found", "We couldn't find that note.");
    return found;
  },

  async addNote(text: string): Promise<Note> {
    const note = { id: deps.newId(), text, createdAt: deps.now().toISOString() };
    if ((await deps.notes.create(note)) === "exists") {
      throw new DomainError("conflict", "That note already exists. Try again.");
    }
    return note;
  },
});

export type ${P}Service = ReturnType<typeof create${P}Service>;
`,
    [`${dir}/src/domain/${name}-service.test.ts`]: `import { describe, expect, it } from "vitest";
import { InMemoryNotes } from "../../test/fakes";
import { create${P}Service } from "./${name}-service";

const setup = () =>
  create${P}Service({
    notes: new InMemoryNotes(),
    now: () => new Date("2026-01-01T12:00:00.000Z"),
    newId: () => "note-1",
  });

describe("${name} service", () => {
  it("keeps a note and finds it again", async () => {
    const svc = setup();
    await svc.addNote("hello 👋");
    expect(await svc.note("note-1")).toEqual({ id: "note-1", text: "hello 👋", createdAt: "2026-01-01T12:00:00.000Z" });
  });

  it("answers not_found for a note that does not exist", async () => {
    await expect(setup().note("missing")).rejects.toMatchObject({ kind: "not_found" });
  });
});
`,
    [`${dir}/src/storage/dynamo.ts`]: `import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { putIfAbsent } from "@tiffin/aws/dynamo";
import type { Note, NoteRepository } from "../domain/ports";

const key = (id: string) => ({ pk: \`NOTE#\${id}\`, sk: "NOTE" });

/** Notes in the ${name} table: one item per note, keyed by its id. */
export const dynamo${P}Notes = (db: DynamoDBDocumentClient, table: string): NoteRepository => ({
  async get(id) {
    const out = await db.send(new GetCommand({ TableName: table, Key: key(id) }));
    return out.Item ? { id: out.Item.id, text: out.Item.text, createdAt: out.Item.createdAt } : undefined;
  },
  create: (note) => putIfAbsent(db, table, { ...key(note.id), ...note }),
});
`,
    [`${dir}/src/messaging/README.md`]: `Queue and topic adapters go here: a consumer per queue this service owns (\`createQueueConsumer\` from
\`@tiffin/kit/lambda\`, its contract from \`@tiffin/contracts\`), registered as a queue in the topology
with \`consumer: { service: "${name}", handler: "<module>" }\`, and events it emits through its outbox
(\`@tiffin/outbox\`).
`,
    [`${dir}/src/router.ts`]: `import { publicProcedure, router } from "@tiffin/kit";
import { humanText } from "@tiffin/contracts";
import { z } from "zod";
import type { ${P}Service } from "./domain/${name}-service";

/** The ${name} API: input schemas and calls into the domain, nothing else. */
export const create${P}Router = (svc: ${P}Service) =>
  router({
    note: publicProcedure.input(z.strictObject({ id: z.string().min(1).max(100) })).query(({ input }) => svc.note(input.id)),
    addNote: publicProcedure
      .input(z.strictObject({ text: humanText({ label: "Note", max: 500 }) }))
      .mutation(({ input }) => svc.addNote(input.text)),
  });

export type ${P}Router = ReturnType<typeof create${P}Router>;
`,
    [`${dir}/src/router.test.ts`]: `import { createCallerFactory } from "@tiffin/kit";
import { contextFor } from "@tiffin/kit/testing";
import { describe, expect, it } from "vitest";
import { InMemoryNotes } from "../test/fakes";
import { create${P}Service } from "./domain/${name}-service";
import { create${P}Router } from "./router";

const caller = () =>
  createCallerFactory(
    create${P}Router(create${P}Service({ notes: new InMemoryNotes(), now: () => new Date(), newId: () => "n-1" })),
  )(contextFor("${name}", "corr-test-0001", null));

describe("${name} router", () => {
  it("refuses a note with a control character, naming the field", async () => {
    await expect(caller().addNote({ text: "bell\\u0007" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("adds and reads a note", async () => {
    const c = caller();
    await c.addNote({ text: "नमस्ते" });
    expect((await c.note({ id: "n-1" })).text).toBe("नमस्ते");
  });
});
`,
    [`${dir}/src/wiring.ts`]: `import { randomUUID } from "node:crypto";
import { createDocumentClient } from "@tiffin/aws";
import { createTokenVerifier, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { Resource } from "sst";
import { create${P}Service } from "./domain/${name}-service";
import { dynamo${P}Notes } from "./storage/dynamo";

/** The only place that reads \`Resource.*\` and builds real adapters. */
export const createService = () =>
  create${P}Service({
    notes: dynamo${P}Notes(createDocumentClient(), Resource.${P}Table.name),
    now: () => new Date(),
    newId: randomUUID,
  });

/** Every service verifies tokens itself, against the issuer's published keys. */
export const createVerifier = () => createTokenVerifier({ issuer: Resource.Auth.url, audience: WEB_CLIENT_ID });
`,
    [`${dir}/src/handlers/api.ts`]: `import { createApiHandler } from "@tiffin/kit/lambda";
import { create${P}Router } from "../router";
import { createService, createVerifier } from "../wiring";

export const handler = createApiHandler({
  service: "${name}",
  verifyToken: createVerifier(),
  router: create${P}Router(createService()),
});
`,
    [`${dir}/test/fakes.ts`]: `import type { Note, NoteRepository } from "../src/domain/ports";

/** In-memory notes for domain and router tests (the DynamoDB adapter has its integration test). */
export class InMemoryNotes implements NoteRepository {
  private readonly notes = new Map<string, Note>();
  async get(id: string) {
    return this.notes.get(id);
  }
  async create(note: Note) {
    if (this.notes.has(note.id)) return "exists" as const;
    this.notes.set(note.id, note);
    return "created" as const;
  }
}
`,
    [`${dir}/src/storage/dynamo.integration.test.ts`]: `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createTable } from "@tiffin/aws/provision";
import { tables } from "@tiffin/aws/topology";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { dynamo${P}Notes } from "./dynamo";

const table = \`${name}-it-\${Date.now()}\`;
const raw = new DynamoDBClient({
  endpoint: inject("dynamoEndpoint"),
  region: "us-east-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const notes = dynamo${P}Notes(DynamoDBDocumentClient.from(raw), table);

beforeAll(() => createTable(raw, table, tables.${P}Table));

describe("${name} notes (DynamoDB Local)", () => {
  it("creates once and reads back exactly", async () => {
    const note = { id: "n-1", text: "👨‍👩‍👧 ok", createdAt: "2026-01-01T00:00:00.000Z" };
    expect(await notes.create(note)).toBe("created");
    expect(await notes.create(note)).toBe("exists");
    expect(await notes.get("n-1")).toEqual(note);
  });
});
`,
  };
};

/** Inserts the service into the registry, its table, and the web app's type-only router map. */
export const register = (name: string, files: { topology: string; appRouter: string; sstEnv: string }) => {
  const P = pascal(name);
  let topology = files.topology;
  const tuple = /export const serviceNames = \[([^\]]*)\] as const;/;
  if (!tuple.test(topology)) throw new Error("topology.ts: serviceNames tuple not found");
  topology = topology.replace(
    tuple,
    (_, list: string) => `export const serviceNames = [${list}, "${name}"] as const;`,
  );
  topology = topology.replace(
    /\n} as const satisfies Record<string, TableDefinition>;/,
    `\n  ${P}Table: {\n    fields: { pk: "string", sk: "string" },\n    primaryIndex: { hashKey: "pk", rangeKey: "sk" },\n  },\n} as const satisfies Record<string, TableDefinition>;`,
  );
  topology = topology.replace(
    /\n} as const satisfies Record<ServiceName, ServiceDefinition>;/,
    `\n  ${name.includes("-") ? `"${name}"` : name}: {\n    table: "${P}Table",\n    api: { links: ["${P}Table", ISSUER_RESOURCE] },\n    schedules: [],\n    memoryMb: 256,\n    concurrency: 10,\n  },\n} as const satisfies Record<ServiceName, ServiceDefinition>;`,
  );
  let appRouter = files.appRouter;
  appRouter = appRouter.replace(
    /(import type \{ TRPCBuiltRouter)/,
    `import type { ${P}Router } from "@tiffin/${name}";\n$1`,
  );
  appRouter = appRouter.replace(
    /type Routers = \{([^}]*) \};/,
    (_, list: string) => `type Routers = {${list}; ${name.includes("-") ? `"${name}"` : name}: ${P}Router };`,
  );
  // The Resource types a deploy would generate for the new table and API function.
  const sstEnv = files.sstEnv.replace(
    /(\n {2}export interface Resource \{\n)/,
    `$1    ${P}Api: {\n      name: string;\n      type: "sst.aws.Function";\n      url: string;\n    };\n    ${P}Table: {\n      name: string;\n      type: "sst.aws.Dynamo";\n    };\n`,
  );
  return { topology, appRouter, sstEnv };
};

const main = () => {
  const name = process.argv[2] ?? "";
  const problem = problemWithName(name);
  if (problem) {
    console.error(`usage: npm run new:service -- <name>\n${problem}`);
    process.exit(2);
  }
  const files = skeleton(name);
  for (const path of Object.keys(files)) {
    if (existsSync(join(repoRoot, path))) {
      console.error(`${path} already exists; nothing written.`);
      process.exit(1);
    }
  }
  const topologyPath = join(repoRoot, "packages/aws/src/topology.ts");
  const appRouterPath = join(repoRoot, "apps/web/src/trpc/app-router.ts");
  const sstEnvPath = join(repoRoot, "sst-env.d.ts");
  const registered = register(name, {
    topology: readFileSync(topologyPath, "utf8"),
    appRouter: readFileSync(appRouterPath, "utf8"),
    sstEnv: readFileSync(sstEnvPath, "utf8"),
  });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), text);
  }
  writeFileSync(topologyPath, registered.topology);
  writeFileSync(appRouterPath, registered.appRouter);
  writeFileSync(sstEnvPath, registered.sstEnv);
  const written = [
    ...Object.keys(files),
    ...[topologyPath, appRouterPath, sstEnvPath].map((p) => relative(repoRoot, p)),
  ];
  console.log(`Wrote ${written.length} files:\n  ${written.join("\n  ")}`);
  console.log(`Next:
  1. npm install                (links @tiffin/${name} into the workspace)
  2. npx biome check --write packages/${name} packages/aws/src/topology.ts apps/web/src/trpc/app-router.ts
  3. give each new procedure its rule in packages/local/test/authorization-matrix.system.test.ts
     (the matrix fails until you do), and its row in the README's "Who may do what"
  4. npm test`);
};

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
