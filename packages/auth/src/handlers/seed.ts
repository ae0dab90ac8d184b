import { seedDemoAccounts } from "../demo/seed";

/** Local mode's demo accounts (registry `seed`): one per role, password tiffin-demo-pass. Never run on AWS. */
export const handler = async (): Promise<string> => {
  const out = await seedDemoAccounts();
  return out.created || out.updated || out.passwordsSet
    ? `demo accounts: ${out.created} created, ${out.updated} updated, ${out.passwordsSet} passwords set`
    : "demo accounts already present";
};
