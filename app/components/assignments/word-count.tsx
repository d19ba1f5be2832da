// The length of the text under the writing area, against what the assignment asks: "812 van 1.000–1.500 woorden".
// It changes while typing; screen readers hear it only when typing pauses (a polite, delayed announcement).
// Without JavaScript it cannot count along, so it only says what is asked.
import { useEffect, useRef, useState } from "react";
import { countWords, lengthStatus, type WordRange } from "~/assignments/words";
import { formatNumber } from "~/format";

const ANNOUNCE_AFTER_MS = 2000;

export function WordCount({ id, text, range, live }: { id: string; text: string; range: WordRange; live: boolean }) {
  const status = lengthStatus(countWords(text), range);
  const sentence = status.detail ? `${status.label}, ${status.detail}` : status.label;
  const [announced, setAnnounced] = useState("");
  const onLoad = useRef(sentence);
  useEffect(() => {
    // Said when the text changed and typing paused, not when the page opens.
    if (!live || sentence === onLoad.current) return;
    const timer = setTimeout(() => setAnnounced(sentence), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [sentence, live]);
  if (!live)
    return range ? (
      <p id={id} className="word-count">
        Gevraagd: {formatNumber(range[0])}–{formatNumber(range[1])} woorden.
      </p>
    ) : null;
  return (
    <>
      <p id={id} className={`word-count word-count--${status.tone}`}>
        <span className="word-count__label">{status.label}</span>
        {status.detail ? <span className="word-count__detail"> · {status.detail}</span> : null}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
