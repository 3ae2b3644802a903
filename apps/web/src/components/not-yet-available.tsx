import { cardClass } from "./form-styles";

/** Said plainly instead of a fake form: this installation's API cannot do this yet. */
export function NotYetAvailable({ what, meanwhile, testId }: { what: string; meanwhile: string; testId: string }) {
  return (
    <section className={cardClass} data-testid={testId}>
      <h2 className="text-base font-semibold">{what}: not available yet</h2>
      <p className="mt-2 text-sm text-slate-600">This version of Berth has no API for this yet, so the console cannot offer it. {meanwhile}</p>
    </section>
  );
}
