/** An AudioContext that can play to a chosen speaker (Chrome 110+; elsewhere the default one plays). */
type SinkContext = AudioContext & { setSinkId?(sinkId: string): Promise<void> };

/** Plays a short, soft tone on the chosen speaker, so the patient hears whether it works. */
export async function playTestSound(sinkId?: string): Promise<void> {
  const context: SinkContext = new AudioContext();
  try {
    if (sinkId && context.setSinkId) await context.setSinkId(sinkId);
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = 660;
    gain.gain.value = 0.1;
    tone.connect(gain).connect(context.destination);
    tone.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    tone.stop();
  } finally {
    await context.close();
  }
}
