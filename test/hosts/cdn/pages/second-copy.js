// A page script using the second copy's core: it only runs if that copy evaluated without error.
import { formatRate } from '/copy/bihuan.js';

document.getElementById('events').append(`second-copy ${formatRate(406, 425)}\n`);
