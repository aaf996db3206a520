/** While a screen's code arrives (screens load when first opened). */
import { Skeleton } from "antd";

export function PageLoading() {
  return (
    <div className="page" aria-busy="true" data-testid="page-loading">
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
}
