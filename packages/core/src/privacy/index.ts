// Personal data marked in schemas, and masking for views and exports.
export {
  type PersonalKind,
  personal,
  personalData,
  personalKindOf,
  maskPhone,
  maskIdNumber,
  maskName,
  maskAddress,
  maskPersonal,
  maskRecord,
  personalOutline,
  maskByOutline,
  type PersonalOutline,
} from './privacy.js';
