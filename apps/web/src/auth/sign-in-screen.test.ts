import { describe, expect, it } from "vitest";
import { authorizeUrlFor } from "./sign-in-screen";

const built =
  "http://127.0.0.1:3020/authorize?client_id=tiffin-web&redirect_uri=http%3A%2F%2F127.0.0.1%3A3000%2Fauth%2Fcallback&response_type=code&state=s&code_challenge_method=S256&code_challenge=c";

describe("authorizeUrlFor", () => {
  it("opens the sign-in form with the password provider", () => {
    const url = new URL(authorizeUrlFor(built, "login"));
    expect(url.searchParams.get("provider")).toBe("password");
    expect(url.searchParams.has("prompt")).toBe(false);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("opens registration with prompt=create, not a provider trick", () => {
    const url = new URL(authorizeUrlFor(built, "register"));
    expect(url.searchParams.get("provider")).toBe("password");
    expect(url.searchParams.get("prompt")).toBe("create");
    expect(url.origin).toBe("http://127.0.0.1:3020");
    expect(url.pathname).toBe("/authorize");
  });
});
