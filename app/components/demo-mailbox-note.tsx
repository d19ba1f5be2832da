// On the demo install no real mail goes out: where a page says "kijk in je mail", this says where to look instead.
import { Link } from "~/components/link";

export function DemoMailboxNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <p className="notice notice--warm" role="note">
      Dit is de demo-installatie: er gaat geen echte e-mail de deur uit. Je leest het bericht in het{" "}
      <Link to="/demo/postvak">demo-postvak</Link>.
    </p>
  );
}
