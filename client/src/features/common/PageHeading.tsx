/**
 * The top of a screen reached from the menus: where it sits, its title with a line on what
 * it is for, and the screen's own buttons (exports, 新增) on the title's right.
 */
import { Typography } from "antd";
import type { ReactNode } from "react";
import { PageCrumbs } from "./PageCrumbs";

interface Props {
  title: string;
  subtitle: string;
  actions?: ReactNode;
}

export function PageHeading({ title, subtitle, actions }: Props) {
  const heading = (
    <>
      <Typography.Title level={2} className="page-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
    </>
  );
  return (
    <>
      <PageCrumbs current={title} />
      {actions ? (
        <div className="page-head">
          <div>{heading}</div>
          {actions}
        </div>
      ) : (
        heading
      )}
    </>
  );
}
