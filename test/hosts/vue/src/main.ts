import { createApp } from 'vue';
import '@bihuan/widgets/rate-card';
import '@bihuan/widgets/dispute-case';
import '@bihuan/widgets/dispute-ledger';
import App from './App.vue';

createApp(App).mount('#app');
