// How every mail from Gilde ends.
export const SIGNATURE = "Groet,\nGilde — leergang Creative Communities";
