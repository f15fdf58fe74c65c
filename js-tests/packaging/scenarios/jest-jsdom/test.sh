# jest (jest-environment-jsdom, `testEnvironment: 'jsdom'` the only configuration).
set -euo pipefail
jest --ci --config jest.config.json 2>&1
