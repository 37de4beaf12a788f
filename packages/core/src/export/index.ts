export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, exportBackup, importBackup, stringifyCanonical, type ImportOptions } from './backup.js';
export { toCsv, csvBytes, exportLedgerCsv, chinaDate, chinaDateTime, type CsvColumn, type CsvOptions, type CsvType } from './csv.js';
