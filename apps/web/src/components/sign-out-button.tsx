import { type ButtonStyleOptions, buttonStyles } from "@tiffin/ui";

/**
 * A real form post to `/auth/logout` (works before scripts load; the response clears the HttpOnly
 * cookies and redirects to `next`). The cart in localStorage is left alone.
 */
export function SignOutButton({
  next = "/",
  label = "Sign out",
  style,
  className,
}: {
  next?: string;
  label?: string;
  style?: ButtonStyleOptions;
  className?: string;
}) {
  return (
    <form method="post" action="/auth/logout" className={className}>
      <input type="hidden" name="next" value={next} />
      <button type="submit" className={buttonStyles({ variant: "secondary", ...style })}>
        {label}
      </button>
    </form>
  );
}
