// The test runner provides mocha's globals (describe, it, before…) to every browser test file.
/// <reference types="mocha" />
