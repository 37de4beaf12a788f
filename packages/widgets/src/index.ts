// @bihuan/widgets — importing this registers every widget. Import '@bihuan/widgets/<name>' to
// register one, or '@bihuan/widgets/classes' to register none.
export * from './classes.js';
import './components/rate-card/define.js';
