// Example data for the task loop (an illustrative catalog, roster and month of orders): for
// stories, the example portal and tests, never in a widget's path.
export { exampleCatalog, exampleRoster, type ExampleRosterOptions } from './example-catalog.js';
export { exampleTaskOrders, exampleFeedback, type ExampleOrdersInput } from './example-orders.js';
