/**
 * A screen opened from another with `?back=` (权重方案 from the targets, 设置 from the gap
 * panel) offers the way back. The address comes from the URL, so only a path inside the app
 * is followed: the same rule as after logging in.
 */
import { Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { safeNext } from "../../model/loginRedirect";

/** The page's `back` address, or null when there is none or it leads outside the app. */
export function useBackTo(): string | null {
  const [search] = useSearchParams();
  const back = search.get("back");
  return back && safeNext(back) === back ? back : null;
}

export function BackLink({ to, testId, children }: { to: string | null; testId: string; children: ReactNode }) {
  if (!to) return null;
  return (
    <Typography.Paragraph>
      <Link to={to} data-testid={testId}>
        ← {children}
      </Link>
    </Typography.Paragraph>
  );
}
