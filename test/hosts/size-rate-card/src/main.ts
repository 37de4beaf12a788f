import '@bihuan/widgets/rate-card';
