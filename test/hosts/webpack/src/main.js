// A plain-JavaScript webpack host: only the two widgets it imports are registered.
import '@bihuan/widgets/rate-card';
import '@bihuan/widgets/dispute-intake';

document.addEventListener('bh-problem', (event) => {
  const { code } = /** @type {CustomEvent<{ code: string }>} */ (event).detail;
  document.getElementById('events')?.append(`${event.type} ${code}\n`);
});
