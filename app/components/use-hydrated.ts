// Whether the page runs with JavaScript: false on the server and during hydration, true after. What only works
// with JavaScript (a toolbar, "wordt vanzelf bewaard", a preview) is rendered only then, so a page without
// JavaScript promises nothing it does not do.
import { useEffect, useState } from "react";

let hydrated = false;

export function useHydrated(): boolean {
  const [value, setValue] = useState(hydrated);
  useEffect(() => {
    hydrated = true;
    setValue(true);
  }, []);
  return value;
}
