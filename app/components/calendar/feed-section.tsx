// The calendar feed on /account: whether there is one, and the buttons to make, renew or stop it. The buttons post
// to /agenda/abonnement, which shows a new address once.
import { GildeForm } from "~/components/form";
import { FeedAction } from "~/calendar/feed-form";
import { useGildeForm } from "~/forms/use-form";
import { formatDateTime } from "~/format";

export function CalendarFeedSection({ since }: { since: string | null }) {
  const [form, fields] = useGildeForm(FeedAction, { id: "account-abonnement" });
  const [stopForm, stopFields] = useGildeForm(FeedAction, { id: "account-abonnement-stop" });
  return (
    <section className="card" aria-labelledby="agenda">
      <h2 id="agenda">Agenda-abonnement</h2>
      <p>
        {since
          ? `Je contactdagen en deadlines staan sinds ${formatDateTime(since)} in je eigen agenda (webcal://). Vermoed je dat iemand anders het adres heeft? Maak een nieuw; het oude stopt meteen.`
          : "Zet je contactdagen en deadlines in je eigen agenda-app; ze veranderen mee als er iets verschuift."}
      </p>
      <div className="button-row">
        <GildeForm form={form} action="/agenda/abonnement">
          <input type="hidden" name={fields.intent.name} value="renew" />
          <button type="submit" className="button button--secondary">
            {since ? "Nieuw adres maken" : "Abonnementsadres maken"}
          </button>
        </GildeForm>
        {since ? (
          <GildeForm form={stopForm} action="/agenda/abonnement">
            <input type="hidden" name={stopFields.intent.name} value="revoke" />
            <button type="submit" className="button button--secondary">
              Abonnement stoppen
            </button>
          </GildeForm>
        ) : null}
      </div>
    </section>
  );
}
