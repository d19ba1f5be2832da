// One criterion as a group of radio buttons (a small fixed scale), its error next to it. Used by the member
// evaluation and the trainer's feedback-quality rubric.
type Props = {
  name: string;
  title: string;
  hint?: string;
  scale: readonly { score: number; label: string }[];
  initial?: string;
  error?: string;
  errorId: string;
};

export function ScaleFieldset({ name, title, hint, scale, initial, error, errorId }: Props) {
  return (
    <fieldset className={error ? "field field--invalid" : "field"} aria-describedby={error ? errorId : undefined}>
      <legend>{title}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {scale.map((level) => (
        <label key={level.score} className="check-label check-label--inline">
          <input type="radio" name={name} value={level.score} defaultChecked={initial === String(level.score)} />{" "}
          {level.score} – {level.label}
        </label>
      ))}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
