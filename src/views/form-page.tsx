import type { ComponentChildren } from "preact";
import { type Crumb, ErrorSummary, Form, type FormState, SubmitButton } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { usePage } from "./page-context.ts";

/**
 * The page every form sits on (GOV.UK pattern): title, optional lead, error summary, the fields, one submit
 * button, and a way back. Pages supply only their fields.
 */
export function FormPage(props: {
  title: string;
  breadcrumbs: Crumb[];
  action: string;
  form: FormState;
  backHref: string;
  children: ComponentChildren;
  lead?: string;
  submitLabel?: string;
  enctype?: string;
}) {
  const { t } = usePage();
  return (
    <Layout title={props.title} breadcrumbs={[...props.breadcrumbs, { label: props.title }]}>
      <div class="narrow">
        <h1>{props.title}</h1>
        {props.lead && <p class="lead">{props.lead}</p>}
        <ErrorSummary issues={props.form.issues} />
        <Form action={props.action} enctype={props.enctype}>
          {props.children}
          <SubmitButton label={props.submitLabel ?? t("form.save")} />
        </Form>
        <p>
          <a href={props.backHref}>{t("form.cancel")}</a>
        </p>
      </div>
    </Layout>
  );
}
