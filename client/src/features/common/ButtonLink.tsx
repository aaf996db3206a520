/**
 * A link that looks like a button: one focusable <a> with a real href (opens in a new tab
 * on middle-click), navigating inside the app on a plain click.
 */
import { Button } from "antd";
import type { ButtonProps } from "antd";
import { useNavigate } from "react-router";

type Props = Omit<ButtonProps, "href" | "onClick"> & { to: string; "data-testid"?: string };

export function ButtonLink({ to, ...rest }: Props) {
  const navigate = useNavigate();
  return (
    <Button
      {...rest}
      href={to}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}
