/** Where a page sits: 总览 / zone / chain (its map) / this page. */
import { Link } from "react-router";
import { useI18n } from "../../i18n/I18nProvider";
import { paths } from "../../model/paths";

interface Props {
  zone?: { id: string; shortName: string } | null;
  chain?: { id: string; name: string } | null;
  current: string;
}

export function PageCrumbs({ zone, chain, current }: Props) {
  const { t } = useI18n();
  return (
    <nav className="page-crumbs" aria-label={t("nav.breadcrumb")}>
      <Link to={paths.overview()}>{t("app.home")}</Link>
      {zone && (
        <>
          <span className="separator">/</span>
          <span>{zone.shortName}</span>
        </>
      )}
      {zone && chain && (
        <>
          <span className="separator">/</span>
          <Link to={paths.map(zone.id, chain.id)}>{chain.name}</Link>
        </>
      )}
      <span className="separator">/</span>
      <span className="current" aria-current="page">
        {current}
      </span>
    </nav>
  );
}
