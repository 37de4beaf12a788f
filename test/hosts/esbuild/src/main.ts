import '@bihuan/widgets/rate-card';
import '@bihuan/widgets/dispute-ledger';

document.addEventListener('bh-problem', (event) => {
  const { code } = (event as CustomEvent<{ code: string }>).detail;
  document.getElementById('events')?.append(`${event.type} ${code}\n`);
});
