import '@bihuan/widgets/dispute-intake';
import '@bihuan/widgets/dispute-ledger';
import '@bihuan/widgets/dispute-case';
