// The Finesse adapter's XML codec in one import: safe parsing, typed records and their decoders,
// notifications, and request bodies.

export { DEFAULT_XML_LIMITS, parseXml, type ParseXmlOptions, type XmlLimits } from './parse.js';
export * from './records.js';
export {
  decodeApiErrors,
  decodeDialog,
  decodeDialogs,
  decodeMedia,
  decodeMediaList,
  decodeQueue,
  decodeQueues,
  decodeReasonCode,
  decodeReasonCodes,
  decodeSystemInfo,
  decodeTeam,
  decodeUser,
  decodeWrapUpReason,
  decodeWrapUpReasons,
  type XmlSource,
} from './decode.js';
export { decodeUpdate, decodeUpdateElement, readPubsubNotifications, type PubsubNotification } from './notification.js';
export {
  TASK_ACTIONS,
  encodeDialogAction,
  encodeMakeCall,
  encodeMediaState,
  encodeTaskAction,
  encodeUserState,
  type DialogActionRequest,
  type MediaStateRequest,
  type TaskAction,
  type TaskActionNames,
  type TaskActionRequest,
  type UserStateRequest,
} from './encode.js';
export { XmlReader } from './read.js';
