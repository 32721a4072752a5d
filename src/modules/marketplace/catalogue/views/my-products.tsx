import { formatDateTime } from "../../../../platform/vn-format.ts";
import { Pagination, TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { productStatusFilters } from "../inputs.ts";
import type { listOwnProducts } from "../services/products.ts";
import { Price, StatusTag } from "./parts.tsx";

export function MyProductsPage({ list }: { list: Awaited<ReturnType<typeof listOwnProducts>> }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  const title = t("catalogue.myProducts.title");
  const total = Object.values(list.counts).reduce((sum, value) => sum + value, 0);
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: base, label: t("nav.home") },
        { href: `${base}/floor`, label: t("nav.floor") },
        { label: title },
      ]}
    >
      <div class="page-heading">
        <h1>{title}</h1>
        <a class="button" href={`${base}/my/products/new`}>
          {t("catalogue.myProducts.new")}
        </a>
      </div>
      <p class="lead">{list.enterprise.name}</p>
      {list.enterprise.status !== "verified" && (
        <p class="panel panel-warning">{t("catalogue.myProducts.notVerified")}</p>
      )}
      <nav class="sub-nav" aria-label={t("catalogue.myProducts.filter")}>
        <ul>
          {productStatusFilters.map((status) => (
            <li key={status}>
              <a
                href={status === "all" ? `${base}/my/products` : `${base}/my/products?status=${status}`}
                aria-current={list.status === status ? "page" : undefined}
              >
                {t(`catalogue.filter.${status}`)} ({status === "all" ? total : list.counts[status]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length === 0 ? (
        <p>{t("catalogue.myProducts.empty")}</p>
      ) : (
        <TableWrap
          caption={t("catalogue.myProducts.caption", { filter: t(`catalogue.filter.${list.status}`) })}
        >
          <thead>
            <tr>
              <th scope="col">{t("catalogue.field.name")}</th>
              <th scope="col">{t("catalogue.field.category")}</th>
              <th scope="col">{t("catalogue.field.price")}</th>
              <th scope="col">{t("catalogue.field.status")}</th>
              <th scope="col">{t("catalogue.field.updatedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <a href={`${base}/my/products/${item.id}`}>{item.name}</a>
                </th>
                <td>{item.categoryName}</td>
                <td class="numeric">
                  <Price priceDong={item.priceDong} unit={item.unit} />
                </td>
                <td>
                  <StatusTag status={item.status} />
                  {item.status === "hidden" && item.moderationReason && (
                    <p class="meta">{item.moderationReason}</p>
                  )}
                </td>
                <td class="nowrap">{formatDateTime(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) =>
          `${base}/my/products?${new URLSearchParams({ ...(list.status === "all" ? {} : { status: list.status }), page: String(page) })}`
        }
      />
    </Layout>
  );
}
