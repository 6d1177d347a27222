import { z } from "zod";

// zod 4 probes `new Function("")` to speed up object parsing; under the app's Content-Security-Policy
// (`script-src 'self'`, no 'unsafe-eval') that probe is a CSP violation. Validation parses per-cell scalar
// schemas, where the object fast path does not apply, so the browser gives nothing up by turning it off.
z.config({ jitless: true });
