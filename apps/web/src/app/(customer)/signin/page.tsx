import { Alert, buttonStyles, Card } from "@tiffin/ui";
import type { Metadata } from "next";
import { DEMO_PASSWORD, demoAccounts } from "@/auth/demo-accounts";
import { showDemoAccounts } from "@/auth/env";
import { isSignInProblem, type SignInProblem } from "@/auth/flow";
import { safeNextPath } from "@/auth/safe-next";
import { SignedInNotice } from "./signed-in-notice";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const problems: Record<SignInProblem, { title: string; text: string }> = {
  expired: {
    title: "That sign-in took too long",
    text: "For your security a sign-in has to be finished within a few minutes, in the same browser. Please try again.",
  },
  failed: {
    title: "We couldn't sign you in",
    text: "Something went wrong on the way back. Please try again.",
  },
  denied: { title: "Sign-in was cancelled", text: "You can try again whenever you're ready." },
  unavailable: {
    title: "Signing in is unavailable right now",
    text: "We couldn't reach our sign-in service. Please try again in a moment; your cart is safe.",
  },
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  const error = first(params.error);
  const problem = isSignInProblem(error) ? problems[error] : undefined;
  const query = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  const demo = showDemoAccounts();

  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 sm:px-6 sm:py-16">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">Sign in to Tiffin</h1>
        <p className="mt-3 text-stone-700">
          Sign in to place orders and follow them to your door. Restaurant staff sign in to see their
          kitchen's incoming orders.
        </p>
        <p className="mt-2 text-sm text-stone-600">
          You'll enter your email and password on Tiffin's secure sign-in page, then come straight back here.
          Your cart stays as it is.
        </p>
        {problem && (
          <Alert tone="danger" live="alert" title={problem.title} className="mt-5">
            {problem.text}
          </Alert>
        )}
        <SignedInNotice next={next} />
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <a href={`/auth/login${query}`} className={buttonStyles({ size: "lg", className: "sm:flex-1" })}>
            Sign in
          </a>
          <a
            href={`/auth/register${query}`}
            className={buttonStyles({ variant: "secondary", size: "lg", className: "sm:flex-1" })}
          >
            Create an account
          </a>
        </div>
        <p className="mt-3 text-sm text-stone-600">
          New here? Creating an account takes a minute: we'll email you a code to confirm your address.
        </p>
      </Card>

      {demo && (
        <Card className="p-6 sm:p-8">
          <section aria-labelledby="demo-accounts-title">
            <h2 id="demo-accounts-title" className="text-lg font-bold">
              Demo accounts
            </h2>
            <p className="mt-1 text-sm text-stone-600">
              Local mode only. Every demo account uses the password{" "}
              <code className="whitespace-nowrap rounded bg-stone-100 px-1.5 py-0.5 font-mono text-stone-900">
                {DEMO_PASSWORD}
              </code>
              .
            </p>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-stone-200 text-stone-600">
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Email
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Role
                    </th>
                    <th scope="col" className="hidden py-2 font-semibold sm:table-cell">
                      What it can do
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {demoAccounts.map((account) => (
                    <tr key={account.email}>
                      <td className="break-all py-2 pr-3 font-mono text-xs sm:whitespace-nowrap sm:break-normal sm:text-sm">
                        {account.email}
                      </td>
                      <td className="py-2 pr-3">{account.role}</td>
                      <td className="hidden py-2 text-stone-600 sm:table-cell">{account.can}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </Card>
      )}
    </div>
  );
}
