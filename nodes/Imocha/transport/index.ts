export { imochaRequest, imochaBinaryRequest, type ImochaRequest, type BinaryResponse } from './request';
export { collectPages, readEnvelope, applyLimit, type Page, type PageRequest } from './paginate';
export { mapWithConcurrency } from './pool';
export { DEFAULT_SETTINGS } from './context';
export {
	configureTransport,
	connectionFor,
	type ImochaContext,
	type ImochaApiName,
	type TransportSettings,
	type TransportOverrides,
} from './context';
