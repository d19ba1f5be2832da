/** A refusal or failure of a backup or restore, with a Dutch message meant for the operator (shown without a stack). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
