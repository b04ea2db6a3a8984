// Warnings are asserted through `result.warnings` in the tests; the AI SDK's own console
// logging of them would only add noise to the test output.
(globalThis as { AI_SDK_LOG_WARNINGS?: false }).AI_SDK_LOG_WARNINGS = false;
