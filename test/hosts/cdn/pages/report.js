// The host's code: logs each bh-problem it receives as "type code".
document.addEventListener('bh-problem', (event) => {
  document.getElementById('events').append(`${event.type} ${event.detail.code}\n`);
});
