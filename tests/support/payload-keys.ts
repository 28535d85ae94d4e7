// The payload key of the test suite and of the committed test histories, for that purpose only: never used
// outside tests (npm start makes its own under .data/, production sets HOLDFAST_PAYLOAD_KEYS).
import { createPayloadCodec, parsePayloadKeys } from '../../config/payload-codec';

export const TEST_PAYLOAD_KEYS = 'test-histories-2026-11:KqZ04ej1ymkUC04IKyxiSWueUVcV75WGgYsF4aLUDlU=';
export const testPayloadCodec = () => createPayloadCodec(parsePayloadKeys(TEST_PAYLOAD_KEYS));
