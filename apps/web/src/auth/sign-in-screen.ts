/** Which of the issuer's password forms a sign-in starts on. */
export type SignInScreen = "login" | "register";

/**
 * The authorize URL (as OpenAuth's client builds it: code, PKCE S256, state) sent to the right form:
 * the password provider, and for registration `prompt=create` (OpenID Connect's "initiating user
 * registration"), which the issuer answers with its registration form. The issuer refuses any other
 * provider or prompt.
 */
export const authorizeUrlFor = (authorizeUrl: string, screen: SignInScreen): string => {
  const url = new URL(authorizeUrl);
  url.searchParams.set("provider", "password");
  if (screen === "register") url.searchParams.set("prompt", "create");
  else url.searchParams.delete("prompt");
  return url.toString();
};
